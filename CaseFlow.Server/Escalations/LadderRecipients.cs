using CaseFlow.Server.Absences;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Deadlines.Ladder;

namespace CaseFlow.Server.Escalations;

/// <summary>Who a ladder step addresses: the task's holder or a group, with deputies standing in for absent users.</summary>
internal sealed class LadderRecipients(IReadOnlyList<StoredUser> users, Deputies deputies)
{
    /// <summary>The users <paramref name="role"/> names for <paramref name="task"/> on a case of <paramref name="officeId"/>.</summary>
    /// <remarks>
    /// A group step (督办 to <c>supervisors</c>) goes to the group's members who also belong to the case's office when
    /// there are any, the office head rather than every head in the bureau; otherwise to the whole group.
    /// </remarks>
    public IReadOnlyList<StoredUser> For(string role, StoredTask? task, string? officeId)
    {
        IEnumerable<string> names;
        if (string.Equals(role, EscalationLadder.AssigneeRole, StringComparison.OrdinalIgnoreCase))
        {
            // A case-level period (no task: the PPR decision period, the police's O310 periods) is the handling office's.
            names = task?.Assignee is { } assignee ? [assignee]
                : task is not null ? Members(task.CandidateGroupList)
                : officeId is not null ? Members([officeId]) : [];
        }
        else
        {
            var group = Members([GroupOf(role, officeId)]).ToList();
            var ofOffice = officeId is null ? [] : group.Where(n => InGroup(n, officeId)).ToList();
            names = ofOffice.Count > 0 ? ofOffice : group;
        }

        return names.Select(deputies.Resolve).Distinct(StringComparer.Ordinal)
            .Select(n => users.FirstOrDefault(u => u.UserName == n))
            .OfType<StoredUser>()
            .ToList();
    }

    /// <summary>The user <paramref name="userName"/> (or their deputy while away); empty for null or an unknown name.</summary>
    public IEnumerable<StoredUser> Person(string? userName) =>
        userName is null ? [] : users.Where(u => u.UserName == deputies.Resolve(userName));

    /// <summary>Role <c>office</c> is the case's office group, <c>office-head</c> its head (所长; the bureau's chief when the case has no office yet); any other role is a group name.</summary>
    public static string GroupOf(string role, string? officeId) => role switch
    {
        OfficeRole => officeId ?? Cases.OfficeHolders.BureauChief,
        OfficeHeadRole => officeId is null ? Cases.OfficeHolders.BureauChief : Cases.OfficeHolders.OfficeHead(officeId),
        _ => role,
    };

    /// <summary>The escalation role naming the case's office.</summary>
    public const string OfficeRole = "office";

    /// <summary>The escalation role naming the head of the case's office (所长).</summary>
    public const string OfficeHeadRole = "office-head";

    /// <summary>Members of any of <paramref name="groups"/>.</summary>
    public IEnumerable<string> Members(IReadOnlyList<string> groups) =>
        users.Where(u => u.GroupList.Any(g => groups.Contains(g, StringComparer.Ordinal))).Select(u => u.UserName);

    private bool InGroup(string userName, string group) =>
        users.FirstOrDefault(u => u.UserName == userName)?.GroupList.Contains(group, StringComparer.Ordinal) == true;
}
