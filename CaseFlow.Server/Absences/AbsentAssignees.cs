using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Absences;

/// <summary>Gives tasks the engine assigns to an absent user (<c>caseflow:assignee</c>) to their deputy, in the command's unit of work.</summary>
internal static class AbsentAssignees
{
    /// <summary>Re-points the tasks just added for <paramref name="created"/> and records each on the case timeline; the caller saves.</summary>
    public static async Task RedirectNewTasksAsync(
        CaseFlowDbContext db,
        IReadOnlyList<Bookmark> created,
        Guid? caseId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Most commands create no directly assigned task; they should not pay for a query.
        var ids = created.Where(b => !string.IsNullOrWhiteSpace(b.Task?.Assignee)).Select(b => b.Id).ToHashSet();
        if (ids.Count == 0)
        {
            return;
        }

        var deputies = await Deputies.LoadAsync(db, now, cancellationToken);
        // Materialised first: changing a tracked task while enumerating Local would modify the collection being read.
        var absentees = db.Tasks.Local.Where(t => ids.Contains(t.Id) && t.Assignee is not null && deputies.IsAbsent(t.Assignee)).ToList();
        foreach (var task in absentees)
        {
            var absent = task.Assignee!;
            task.Assignee = deputies.Resolve(absent);
            if (caseId is { } id)
            {
                db.CaseEvents.Add(new StoredCaseEvent
                {
                    CaseId = id,
                    At = now,
                    Actor = "system",
                    Event = "TaskDelegated",
                    Details = $"{task.Name}: {absent} is absent → {task.Assignee}",
                });
            }
        }
    }
}
