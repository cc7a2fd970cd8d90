namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One line of an instance's execution history (the engine's <c>HistoryEntry</c>).</summary>
public sealed class StoredHistoryEvent
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ElementId { get; set; }

    public required string Event { get; set; }

    public string? Details { get; set; }

    public string? Actor { get; set; }

    /// <summary>Why an operator did it (cancel, move, migrate, variables, incident retry).</summary>
    public string? Reason { get; set; }
}
