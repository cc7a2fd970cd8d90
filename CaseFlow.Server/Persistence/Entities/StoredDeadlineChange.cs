using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One suspension, resumption or extension of a deadline, kept as the legal record of why its due instant moved.</summary>
public sealed class StoredDeadlineChange
{
    public long Id { get; set; }

    public Guid DeadlineId { get; set; }

    public Guid CaseId { get; set; }

    public DeadlineChangeKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made the change.</summary>
    public required string Actor { get; set; }

    public required string Reason { get; set; }

    /// <summary>For a suspension: the kind of excluded time (testing, hearing, ...).</summary>
    public IntervalKind? IntervalKind { get; set; }

    /// <summary>For an extension: who approved it and how.</summary>
    public string? ApprovedBy { get; set; }

    public ExtensionApprover? Approval { get; set; }

    public DateTimeOffset DueBefore { get; set; }

    public DateTimeOffset DueAfter { get; set; }
}
