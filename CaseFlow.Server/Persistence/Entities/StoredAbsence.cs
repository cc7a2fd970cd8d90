namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// A user's absence (leave, training, illness) with the deputy who takes their tasks meanwhile. Kept after it ends,
/// as the record of why a case was handled by someone else.
/// </summary>
public sealed class StoredAbsence
{
    public Guid Id { get; set; }

    public required string UserName { get; set; }

    public required string Deputy { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset Until { get; set; }

    public required string Reason { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the absence is ended early (DELETE) or replaced by a new one.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }
}
