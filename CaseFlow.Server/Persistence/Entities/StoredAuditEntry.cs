namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// One link of the tamper-evident audit trail: <see cref="Hash"/> is SHA-256 over the previous link's hash and this
/// row's canonical content, so changing or deleting any row breaks every link after it.
/// </summary>
/// <remarks>
/// A request writes its entries in its own transaction with no position or hash (unlinked); the audit sequencer links
/// committed entries into the chain afterwards, in batches (<c>Security/AuditSequencer</c>, docs/security.md).
/// </remarks>
public sealed class StoredAuditEntry
{
    public long Id { get; set; }

    /// <summary>
    /// Position in the chain (1, 2, 3, ...), assigned by the audit sequencer after the entry's transaction committed;
    /// null until then. Unique, so two sequencers cannot fork the chain.
    /// </summary>
    public long? Seq { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>One of <c>AuditActions</c>.</summary>
    public required string Action { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>What the action was about: a task, deadline, instance or user id.</summary>
    public string? Subject { get; set; }

    public string? Details { get; set; }

    /// <summary>The previous link's hash; null until linked.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>This link's hash; null until linked.</summary>
    public string? Hash { get; set; }

    /// <summary>When the request wrote the entry (not part of the hashed content): how long an entry has waited to be linked.</summary>
    public DateTimeOffset WrittenAt { get; set; }
}
