using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// The open queues (mine, my groups' unclaimed, everything) read from <see cref="TaskQueueEntry"/> lines: the total and
/// the page's task ids come from one index range per queue, whatever the number of tasks and cases behind it.
/// </summary>
internal static class TaskQueueQuery
{
    /// <summary>One task's place in a queue; a task offered to two of the user's groups is listed once.</summary>
    internal sealed class QueueLine
    {
        public Guid TaskId { get; init; }

        public long DueOrder { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    /// <summary>The queue names <paramref name="scope"/> reads for <paramref name="user"/> (already checked to be allowed).</summary>
    public static IReadOnlyList<string> QueuesFor(string scope, CurrentUser user) => scope switch
    {
        "mine" => [TaskQueues.User(user.UserName)],
        "candidate" when user.IsAdmin => [TaskQueues.Unclaimed],
        "candidate" => user.Groups.Order(StringComparer.Ordinal).Select(TaskQueues.Group).ToList(),
        _ => [TaskQueues.All],
    };

    /// <summary>The lines of <paramref name="queues"/> (at least one), only overdue ones when <paramref name="overdueAt"/> is given.</summary>
    public static IQueryable<QueueLine> Lines(CaseFlowDbContext db, IReadOnlyList<string> queues, DateTimeOffset? overdueAt)
    {
        var entries = queues.Count == 1
            ? db.TaskQueueEntries.AsNoTracking().Where(e => e.Queue == queues[0])
            : db.TaskQueueEntries.AsNoTracking().Where(e => queues.Contains(e.Queue));
        if (overdueAt is { } now)
        {
            var ticks = now.UtcTicks; // a task without a due date has DueOrder = long.MaxValue: never overdue
            entries = entries.Where(e => e.DueOrder < ticks);
        }

        var lines = entries.Select(e => new QueueLine { TaskId = e.TaskId, DueOrder = e.DueOrder, CreatedAt = e.CreatedAt });
        return queues.Count > 1 ? lines.Distinct() : lines;
    }

    /// <summary>
    /// The open tasks of page [skip, skip + take) of <paramref name="lines"/> in due order (no due date last, then oldest
    /// first, then by id), as one query: the page's ids are a subquery on the index, not a list sent back to the database.
    /// </summary>
    public static IQueryable<StoredTask> PageTasks(CaseFlowDbContext db, IQueryable<QueueLine> lines, int skip, int take)
    {
        var ids = lines
            .OrderBy(l => l.DueOrder).ThenBy(l => l.CreatedAt).ThenBy(l => l.TaskId)
            .Skip(skip).Take(take)
            .Select(l => l.TaskId);

        // The same order as the lines': DueOrder is DueAt's ticks, or the largest value without a due date.
        return db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
    }
}
