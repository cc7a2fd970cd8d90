namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// One fired step of a deadline's ladder. Unique per deadline and step key, so a step planned twice (a retry, two
/// nodes sweeping) is stored, and its emails queued, once. A supervision item (督办) stays open while its deadline runs.
/// </summary>
public sealed class StoredEscalation
{
    public Guid Id { get; set; }

    public Guid DeadlineId { get; set; }

    public Guid CaseId { get; set; }

    public Guid? TaskId { get; set; }

    /// <summary>The ladder's key for this firing, e.g. <c>warning:2wd@2026-05-13</c> or <c>step:0#1</c>.</summary>
    public required string StepKey { get; set; }

    public EscalationKind Kind { get; set; }

    /// <summary>0 for a warning; the step's position in the ladder (1 = first step after the due instant) otherwise.</summary>
    public int Level { get; set; }

    public int Occurrence { get; set; }

    /// <summary>The group addressed, or <c>assignee</c>.</summary>
    public required string Role { get; set; }

    /// <summary>User names told, comma-separated (deputies in place of absent users).</summary>
    public required string Recipients { get; set; }

    /// <summary>The deadline's due instant when the step fired.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    /// <summary>The node whose sweep fired it, for operators.</summary>
    public required string FiredBy { get; set; }
}
