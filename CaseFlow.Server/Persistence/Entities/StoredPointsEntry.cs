namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One line of the points ledger (积分制): an event credited or charged to a handler.</summary>
public sealed class StoredPointsEntry
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public required string Event { get; set; }

    /// <summary>The points as configured when the event happened; later changes to the setting do not rewrite history.</summary>
    public int Points { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>The deadline or task the entry comes from, so one event is never counted twice.</summary>
    public Guid? SourceId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Details { get; set; }

    /// <summary>The supervisor who recorded a manual entry, or <c>system</c>.</summary>
    public required string RecordedBy { get; set; }
}
