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
            names = task?.Assignee is { } assignee ? [assignee] : Members(task?.CandidateGroupList ?? []);
        }
        else
        {
            var group = Members([role]).ToList();
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

    /// <summary>Members of any of <paramref name="groups"/>.</summary>
    public IEnumerable<string> Members(IReadOnlyList<string> groups) =>
        users.Where(u => u.GroupList.Any(g => groups.Contains(g, StringComparer.Ordinal))).Select(u => u.UserName);

    private bool InGroup(string userName, string group) =>
        users.FirstOrDefault(u => u.UserName == userName)?.GroupList.Contains(group, StringComparer.Ordinal) == true;
}
