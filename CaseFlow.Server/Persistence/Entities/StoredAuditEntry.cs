namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// One link of the tamper-evident audit trail: <see cref="Hash"/> is SHA-256 over the previous link's hash and this
/// row's canonical content, so changing or deleting any row breaks every link after it.
/// </summary>
public sealed class StoredAuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, assigned at save (1, 2, 3, ...); unique, so two writers cannot fork the chain.</summary>
    public long Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>One of <c>AuditActions</c>.</summary>
    public required string Action { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>What the action was about: a task, deadline, instance or user id.</summary>
    public string? Subject { get; set; }

    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
