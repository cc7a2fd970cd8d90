using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>
/// What the server writes into a completion so the record shows who decided, whatever the client sent: for a task reserved
/// to office-holders, <c>decidedBy</c> (user name) and <c>decidedByName</c> (directory name, with the absent holder when a
/// deputy decided); for a completion carrying a collective discussion, the checked participant list and
/// <c>discussionRecord</c>. A handler can no longer type a head's name into a field.
/// </summary>
public static class DecisionRecords
{
    /// <summary>The user name of the office-holder who completed a reserved task.</summary>
    public const string DecidedBy = "decidedBy";

    /// <summary>Their name as the directory has it, for status reasons and letters.</summary>
    public const string DecidedByName = "decidedByName";

    /// <summary>Adds the decider and the checked discussion to <paramref name="variables"/>; returns field errors (none when fine).</summary>
    public static async Task<Dictionary<string, string[]>> ApplyAsync(
        CaseFlowDbContext db, StoredTask task, CurrentUser user, bool reserved, JsonObject variables, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(variables);
        variables.Remove(DecidedBy);
        variables.Remove(DecidedByName);
        variables.Remove(CollectiveDiscussion.RecordVariable);
        if (reserved)
        {
            var name = await OfficeHolders.DisplayNameAsync(db, user, cancellationToken);
            var entrustedBy = task.CandidateGroupList.Any(user.Groups.Contains)
                ? null
                : await OfficeHolders.EntrustingHolderAsync(db, task.CandidateGroupList, user.UserName, now, cancellationToken);
            variables[DecidedBy] = user.UserName;
            variables[DecidedByName] = entrustedBy is null ? name : $"{name}（受 {entrustedBy} 委托）";
        }

        if (!variables.ContainsKey(CollectiveDiscussion.ParticipantsVariable))
        {
            return [];
        }

        var (minutes, errors) = await CollectiveDiscussion.CheckAsync(
            db,
            variables[CollectiveDiscussion.ParticipantsVariable],
            Text(variables[CollectiveDiscussion.ConclusionVariable]),
            Text(variables[CollectiveDiscussion.DateVariable]),
            user.UserName,
            today,
            ($"variables.{CollectiveDiscussion.ParticipantsVariable}", $"variables.{CollectiveDiscussion.ConclusionVariable}", $"variables.{CollectiveDiscussion.DateVariable}"),
            cancellationToken);
        if (minutes is null)
        {
            return errors;
        }

        variables[CollectiveDiscussion.ParticipantsVariable] = new JsonArray([.. minutes.Participants.Select(p => (JsonNode)JsonValue.Create(p.UserName))]);
        variables[CollectiveDiscussion.RecordVariable] = minutes.Text;
        return [];
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
