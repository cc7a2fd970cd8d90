using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// The complete, serializable state of one running process instance.
/// </summary>
/// <remarks>
/// The server stores this as one JSON column next to an optimistic-concurrency version. Everything the engine
/// needs to continue after a restart is in here; nothing lives only in memory. <see cref="Tokens"/> and
/// <see cref="JoinArrivals"/> are the engine's own bookkeeping; other code should read
/// <see cref="ActiveElementIds"/> and <see cref="Bookmarks"/>.
/// </remarks>
public sealed class WorkflowInstanceState
{
    public required Guid Id { get; init; }

    public required string ProcessKey { get; init; }

    /// <summary>The published version the instance runs on; settable because migration moves it to another version.</summary>
    public required int ProcessVersion { get; set; }

    public string? BusinessKey { get; init; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Running;

    /// <summary>Process variables (JSON values only, so they survive storage exactly).</summary>
    public JsonObject Variables { get; set; } = [];

    /// <summary>Live tokens: where execution currently is.</summary>
    public List<Token> Tokens { get; set; } = [];

    /// <summary>Open bookmarks (what the instance waits for).</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>For each joining gateway, the incoming flow ids whose tokens have arrived and wait there.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = [];

    /// <summary>Running embedded sub-process instances (a tree through <see cref="Scope.ParentId"/>); empty when none runs.</summary>
    public List<Scope> Scopes { get; set; } = [];

    /// <summary>Running multi-instance user tasks by the token waiting on them: counts, items and what each finished instance submitted.</summary>
    public Dictionary<Guid, MultiInstanceProgress> MultiInstances { get; set; } = [];

    /// <summary>The incident that faulted the instance, if any.</summary>
    public Incident? Incident { get; set; }

    /// <summary>
    /// The tokens the incident stopped, in the order they were to run: the one that failed, then those queued
    /// behind it. Retrying the incident re-enters exactly these, so a parallel branch that had not started yet
    /// is not lost; empty when the instance is not faulted.
    /// </summary>
    public List<QueuedToken> IncidentTokens { get; set; } = [];

    /// <summary>Element ids where a token currently is (tasks and catch events being waited on).</summary>
    public IReadOnlyList<string> ActiveElementIds => Tokens.Select(t => t.ElementId).Distinct().ToList();
}
