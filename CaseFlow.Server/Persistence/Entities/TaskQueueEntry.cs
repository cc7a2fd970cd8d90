namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// One line of a work queue: an open task as it stands in one queue (see <see cref="TaskQueues"/>). Derived from
/// <see cref="StoredTask"/> in the same save by <see cref="TaskQueueIndex"/>, so a queue's page and total are a range of
/// one index instead of a <c>LIKE</c> scan over every task ever created.
/// </summary>
public sealed class TaskQueueEntry
{
    public required string Queue { get; init; }

    public Guid TaskId { get; init; }

    /// <summary>The due instant in UTC ticks, <see cref="long.MaxValue"/> when the task has none (so those come last).</summary>
    public long DueOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
