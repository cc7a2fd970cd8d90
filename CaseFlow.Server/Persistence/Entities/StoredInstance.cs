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

    /// <summary>The incident's kind while the instance is faulted (copied from the state so incidents can be listed by query).</summary>
    public string? IncidentKind { get; set; }

    /// <summary>The element where the incident happened.</summary>
    public string? IncidentElementId { get; set; }

    /// <summary>What happened, in the engine's words.</summary>
    public string? IncidentMessage { get; set; }

    /// <summary>When the incident was raised.</summary>
    public DateTimeOffset? IncidentAt { get; set; }

    /// <summary>For a child started by a call activity: the calling instance (it shares that instance's case and business key).</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>For a child: the parent's call-activity bookmark its completion resumes, and whose withdrawal cancels it.</summary>
    public Guid? ParentBookmarkId { get; set; }
}
