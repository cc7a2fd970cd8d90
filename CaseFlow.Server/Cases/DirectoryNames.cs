using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The display names behind logins and office ids, for answers that name people and offices (issue 19): read for the
/// codes of one answer only (two small queries), so a queue page does not load the directory.
/// </summary>
public sealed class DirectoryNames
{
    private readonly Dictionary<string, string> people;
    private readonly Dictionary<string, string> offices;

    private DirectoryNames(Dictionary<string, string> people, Dictionary<string, string> offices)
    {
        this.people = people;
        this.offices = offices;
    }

    public static async Task<DirectoryNames> LoadAsync(CaseFlowDbContext db, IEnumerable<string?> logins, IEnumerable<string?> officeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wantedPeople = logins.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var wantedOffices = officeIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var people = wantedPeople.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wantedPeople.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        var offices = wantedOffices.Count == 0
            ? []
            : await db.Offices.AsNoTracking().Where(o => wantedOffices.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, StringComparer.Ordinal, cancellationToken);
        return new DirectoryNames(people, offices);
    }

    /// <summary>The names a page of tasks mentions: holders, candidate groups that are offices, the cases' offices.</summary>
    public static Task<DirectoryNames> ForTasksAsync(CaseFlowDbContext db, IReadOnlyCollection<TaskResponse> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return LoadAsync(db, tasks.Select(t => t.Assignee), tasks.SelectMany(t => t.CandidateGroups).Concat(tasks.Select(t => t.CaseOfficeId)), cancellationToken);
    }

    public string? Person(string? login) => login is not null && people.TryGetValue(login, out var name) ? name : null;

    public string? Office(string? id) => id is not null && offices.TryGetValue(id, out var name) ? name : null;

    /// <summary>The task with <c>assigneeName</c>, <c>candidateGroupNames</c> (an office's name, else the group) and <c>caseOfficeName</c>.</summary>
    public TaskResponse Named(TaskResponse task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task with
        {
            AssigneeName = Person(task.Assignee),
            CandidateGroupNames = task.CandidateGroups.Select(g => Office(g) ?? g).ToList(),
            CaseOfficeName = Office(task.CaseOfficeId),
        };
    }
}
