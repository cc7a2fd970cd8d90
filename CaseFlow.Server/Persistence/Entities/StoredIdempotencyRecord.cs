namespace CaseFlow.Server.Persistence.Entities;

/// <summary>The first answer to a request carrying an Idempotency-Key, replayed for repeats.</summary>
public sealed class StoredIdempotencyRecord
{
    /// <summary>"{user}:{key}" so two users cannot collide on a key.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request body: the same key with another body is a conflict.</summary>
    public required string RequestHash { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
