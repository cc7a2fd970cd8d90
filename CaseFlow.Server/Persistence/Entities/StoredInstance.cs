using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A process instance: the engine's state as JSON plus the columns queries need.</summary>
public sealed class StoredInstance
{
    public Guid Id { get; set; }

    public required string ProcessKey { get; set; }

    public int ProcessVersion { get; set; }

    public string? BusinessKey { get; set; }

    public Guid? CaseId { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>The serialized <see cref="WorkflowInstanceState"/>.</summary>
    public required string StateJson { get; set; }

    /// <summary>Optimistic-concurrency version: incremented by every command, checked on save.</summary>
    public int ConcurrencyVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
