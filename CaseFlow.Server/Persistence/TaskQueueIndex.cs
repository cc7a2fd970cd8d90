using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// Keeps <see cref="TaskQueueEntry"/> rows equal to what the tasks say, inside the save that changes the tasks: before
/// every <c>SaveChanges</c> each added, changed or deleted task's queue lines are diffed from its stored values (the
/// change tracker's original values) to its new ones. Writes that bypass the change tracker
/// (<c>ExecuteUpdate</c> on tasks) call <see cref="RebuildAsync"/> in their own transaction instead.
/// </summary>
internal static class TaskQueueIndex
{
    public static void Synchronise(DbContext db, IReadOnlyList<EntityEntry<StoredTask>> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<TaskQueueEntry>().ToDictionary(e => (e.Entity.Queue, e.Entity.TaskId));
        foreach (var task in changed)
        {
            var before = task.State == EntityState.Added ? [] : Lines(task.Entity.Id, task.OriginalValues);
            var after = task.State == EntityState.Deleted ? [] : Lines(task.Entity.Id, task.CurrentValues);
            Apply(db, tracked, before, after);
        }
    }

    /// <summary>Replaces the task's queue lines with those its stored row calls for; the caller saves, in its transaction.</summary>
    public static async Task RebuildAsync(CaseFlowDbContext db, Guid taskId, CancellationToken cancellationToken)
    {
        await db.Set<TaskQueueEntry>().Where(e => e.TaskId == taskId).ExecuteDeleteAsync(cancellationToken);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is not null)
        {
            db.AddRange(LinesOf(task));
        }
    }

    public static IEnumerable<TaskQueueEntry> LinesOf(StoredTask task) =>
        Build(task.Id, task.State, task.Assignee, task.CandidateGroups, task.DueAt, task.CreatedAt);

    private static Dictionary<string, TaskQueueEntry> Lines(Guid taskId, PropertyValues values) =>
        Build(
            taskId,
            values.GetValue<TaskState>(nameof(StoredTask.State)),
            values.GetValue<string?>(nameof(StoredTask.Assignee)),
            values.GetValue<string>(nameof(StoredTask.CandidateGroups)),
            values.GetValue<DateTimeOffset?>(nameof(StoredTask.DueAt)),
            values.GetValue<DateTimeOffset>(nameof(StoredTask.CreatedAt)))
        .ToDictionary(e => e.Queue);

    private static IEnumerable<TaskQueueEntry> Build(
        Guid taskId, TaskState state, string? assignee, string candidateGroups, DateTimeOffset? dueAt, DateTimeOffset createdAt) =>
        TaskQueues.For(state, assignee, candidateGroups)
            .Select(queue => new TaskQueueEntry { Queue = queue, TaskId = taskId, DueOrder = TaskQueues.DueOrder(dueAt), CreatedAt = createdAt });

    private static void Apply(
        DbContext db,
        Dictionary<(string, Guid), EntityEntry<TaskQueueEntry>> tracked,
        Dictionary<string, TaskQueueEntry> before,
        Dictionary<string, TaskQueueEntry> after)
    {
        foreach (var (queue, line) in before)
        {
            if (!after.ContainsKey(queue))
            {
                TaskDerivedRows.Remove(db, tracked.GetValueOrDefault((line.Queue, line.TaskId)), line);
            }
        }

        foreach (var (queue, line) in after)
        {
            if (!before.TryGetValue(queue, out var stored))
            {
                db.Add(line);
            }
            else if (stored.DueOrder != line.DueOrder || stored.CreatedAt != line.CreatedAt)
            {
                var entry = tracked.TryGetValue((queue, line.TaskId), out var known) ? known : db.Attach(stored);
                entry.Entity.DueOrder = line.DueOrder;
                entry.Entity.CreatedAt = line.CreatedAt;
                entry.DetectChanges();
            }
        }
    }
}
