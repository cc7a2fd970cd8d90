namespace CaseFlow.Server.Persistence.Entities;

/// <summary>Delivery state of an outbox email.</summary>
public enum OutboxState
{
    Pending,
    Sent,
    /// <summary>The retry budget ran out; an operator can retry it from the admin API.</summary>
    Failed,
}
