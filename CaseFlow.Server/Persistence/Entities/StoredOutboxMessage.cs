namespace CaseFlow.Server.Persistence.Entities;

/// <summary>An email written in the same transaction as the state change that caused it, sent later by the dispatcher.</summary>
public sealed class StoredOutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Unique: a command re-run after a conflict cannot queue the same email twice.</summary>
    public required string IdempotencyKey { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public Guid? CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Until when a dispatcher holds the row; another node may take it after that.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LockedBy { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The Message-ID used for every attempt, so a receiver can recognise a resend.</summary>
    public required string MessageId { get; set; }
}
