namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// The schedule of one timer start event of a published version: the truth behind its Quartz trigger, like a timer
/// bookmark row is for timers inside instances.
/// </summary>
/// <remarks>
/// Firing starts one instance and advances <see cref="NextDueAt"/> in the same transaction, checked by
/// <see cref="ConcurrencyVersion"/>: a duplicate or concurrent firing of the same occurrence loses the race and
/// starts nothing. Publishing a newer version of the process deletes the rows of the older ones.
/// </remarks>
public sealed class StoredTimerStart
{
    public Guid Id { get; set; }

    public required string ProcessKey { get; set; }

    public int ProcessVersion { get; set; }

    /// <summary>The timer start event's id.</summary>
    public required string ElementId { get; set; }

    /// <summary>The timer as written, for operators.</summary>
    public required string Timer { get; set; }

    /// <summary>When the next instance starts.</summary>
    public DateTimeOffset NextDueAt { get; set; }

    /// <summary>Instances still to start, this occurrence included; null for an unbounded cycle (<c>R/...</c>).</summary>
    public int? RemainingOccurrences { get; set; }

    /// <summary>How many instances it started; part of the Quartz trigger key, so each occurrence has its own trigger.</summary>
    public int FiredCount { get; set; }

    /// <summary>Optimistic-concurrency version, incremented by every firing.</summary>
    public int ConcurrencyVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
