using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// Keeps <see cref="CaseGrant"/> rows equal to what the tasks say, inside the save that changes the tasks (as
/// <see cref="TaskQueueIndex"/> does for the queues): each added, changed or deleted task's grants are diffed from its
/// stored values to its new ones. Writes that bypass the change tracker (<c>ExecuteUpdate</c> on tasks) call
/// <see cref="RebuildAsync"/> in their own transaction instead. A task's case is set when the task is created and never
/// changes, so grants are diffed by principal alone.
/// </summary>
internal static class CaseGrantIndex
{
    public static void Synchronise(DbContext db, IReadOnlyList<EntityEntry<StoredTask>> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<CaseGrant>().ToDictionary(e => (e.Entity.TaskId, e.Entity.Principal));
        foreach (var task in changed)
        {
            var before = task.State == EntityState.Added ? [] : Grants(task.Entity.Id, task.OriginalValues);
            var after = task.State == EntityState.Deleted ? [] : Grants(task.Entity.Id, task.CurrentValues);
            foreach (var (principal, grant) in before)
            {
                if (!after.ContainsKey(principal))
                {
                    TaskDerivedRows.Remove(db, tracked.GetValueOrDefault((grant.TaskId, grant.Principal)), grant);
                }
            }

            foreach (var (principal, grant) in after)
            {
                if (!before.ContainsKey(principal))
                {
                    db.Add(grant);
                }
            }
        }
    }

    /// <summary>Replaces the task's grants with those its stored row calls for; the caller saves, in its transaction.</summary>
    public static async Task RebuildAsync(CaseFlowDbContext db, Guid taskId, CancellationToken cancellationToken)
    {
        await db.Set<CaseGrant>().Where(g => g.TaskId == taskId).ExecuteDeleteAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is not null)
        {
            db.AddRange(Build(task.Id, task.CaseId, task.Assignee, task.CandidateGroups).Values);
        }
    }

    /// <summary>
    /// The grants of a task: none without a case; its assignee's; one per candidate group. The groups are split on commas
    /// exactly as stored (no trimming): the rule they replace matched <c>,group,</c> as a substring of <c>,g1,g2,</c>.
    /// </summary>
    public static Dictionary<string, CaseGrant> Build(Guid taskId, Guid? caseId, string? assignee, string candidateGroups)
    {
        var grants = new Dictionary<string, CaseGrant>(StringComparer.Ordinal);
        if (caseId is not { } id)
        {
            return grants;
        }

        if (assignee is not null)
        {
            grants[CaseGrant.User(assignee)] = new CaseGrant { Principal = CaseGrant.User(assignee), TaskId = taskId, CaseId = id };
        }

        foreach (var group in candidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!candidateGroups.Contains("," + group + ",", StringComparison.Ordinal))
            {
                continue; // a list not stored as ,g1,g2, (none is): the rule never matched its first or last name
            }

            grants.TryAdd(CaseGrant.Group(group), new CaseGrant { Principal = CaseGrant.Group(group), TaskId = taskId, CaseId = id });
        }

        return grants;
    }

    private static Dictionary<string, CaseGrant> Grants(Guid taskId, PropertyValues values) =>
        Build(
            taskId,
            values.GetValue<Guid?>(nameof(StoredTask.CaseId)),
            values.GetValue<string?>(nameof(StoredTask.Assignee)),
            values.GetValue<string>(nameof(StoredTask.CandidateGroups)));
}
