namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A statutory or local deadline on a case, created when a timed task opens.</summary>
public sealed class StoredDeadline
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The task that must be done by the deadline.</summary>
    public Guid? TaskId { get; set; }

    public required string Name { get; set; }

    /// <summary>The counting rule, e.g. "7wd".</summary>
    public required string Rule { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DeadlineState State { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
