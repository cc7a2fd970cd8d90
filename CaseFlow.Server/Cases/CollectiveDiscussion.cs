using System.Globalization;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>
/// 负责人集体讨论 (PPR Art. 60 last paragraph, Art. 64): a decision of the bureau's heads together, recorded with who took
/// part (checked against the <c>bureau-heads</c> group of the directory), the conclusion and the date. One head records
/// it (completing the task, or calling the extension API) and must be among the participants; a discussion needs at least
/// <see cref="MinParticipants"/> heads.
/// </summary>
public static class CollectiveDiscussion
{
    /// <summary>A discussion of one head is that head's decision, not a collective one.</summary>
    public const int MinParticipants = 2;

    /// <summary>Completion variables of a task that records a discussion.</summary>
    public const string ParticipantsVariable = "discussionParticipants";
    public const string ConclusionVariable = "discussionConclusion";
    public const string DateVariable = "discussionDate";

    /// <summary>Set by the server: one line for letters and the timeline (date, participants by name, conclusion).</summary>
    public const string RecordVariable = "discussionRecord";

    /// <summary>A checked discussion.</summary>
    public sealed record Minutes(IReadOnlyList<StoredUser> Participants, string Conclusion, DateOnly Date)
    {
        /// <summary>e.g. 2026-12-08 局负责人集体讨论（参加：局长 赵刚、副局长 钱明）：结论.</summary>
        public string Text =>
            $"{Date:yyyy-MM-dd} 局负责人集体讨论（参加：{string.Join("、", Participants.Select(p => p.DisplayName))}）：{Conclusion}";

        /// <summary>The participants' user names, comma-separated, for the approver column of a deadline change.</summary>
        public string ParticipantNames => string.Join(",", Participants.Select(p => p.UserName));
    }

    /// <summary>
    /// Checks a discussion given as <paramref name="participants"/> (an array of user names, or one string separated by
    /// commas or 、), <paramref name="conclusion"/> and <paramref name="date"/> (yyyy-MM-dd, not after <paramref name="today"/>).
    /// Field errors are keyed by <paramref name="fields"/>.
    /// </summary>
    public static async Task<(Minutes? Minutes, Dictionary<string, string[]> Errors)> CheckAsync(
        CaseFlowDbContext db, JsonNode? participants, string? conclusion, string? date, string recordedBy, DateOnly today,
        (string Participants, string Conclusion, string Date) fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var names = Names(participants);
        var heads = await OfficeHolders.HoldersAsync(db, [OfficeHolders.BureauHeads], cancellationToken);
        var unknown = names.Where(n => heads.All(h => h.UserName != n)).ToList();
        if (names.Count < MinParticipants)
        {
            errors[fields.Participants] = [$"A collective discussion needs at least {MinParticipants} heads (user names of the group {OfficeHolders.BureauHeads}). 集体讨论须至少有{MinParticipants}名局负责人参加。"];
        }
        else if (unknown.Count > 0)
        {
            errors[fields.Participants] = [$"{string.Join(", ", unknown)} not in the directory's {OfficeHolders.BureauHeads} group; only the bureau's heads take part in its collective discussion. {string.Join("、", unknown)}不是局负责人。"];
        }
        else if (!names.Contains(recordedBy, StringComparer.Ordinal))
        {
            errors[fields.Participants] = [$"{recordedBy} records the discussion and must be among its participants. 记录集体讨论的负责人须为参加人。"];
        }

        if (string.IsNullOrWhiteSpace(conclusion))
        {
            errors[fields.Conclusion] = ["The discussion's conclusion is required. 须填写集体讨论的结论。"];
        }

        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[fields.Date] = ["The discussion's date is required as yyyy-MM-dd. 须填写集体讨论的日期（yyyy-MM-dd）。"];
        }
        else if (day > today)
        {
            errors[fields.Date] = ["The discussion's date lies in the future; record a discussion once it took place. 集体讨论日期不能晚于今天。"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var people = names.Select(n => heads.First(h => h.UserName == n)).ToList();
        return (new Minutes(people, conclusion!.Trim(), day), errors);
    }

    /// <summary>Distinct user names in the order given.</summary>
    private static List<string> Names(JsonNode? node)
    {
        IEnumerable<string?> raw = node switch
        {
            JsonArray array => array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : null),
            JsonValue value when value.TryGetValue<string>(out var text) => text.Split([',', '，', '、', ';'], StringSplitOptions.None),
            _ => [],
        };
        return raw.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.Ordinal).ToList();
    }
}
