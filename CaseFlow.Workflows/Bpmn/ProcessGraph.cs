namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// An immutable, executable process parsed from BPMN: nodes, flows and compiled expressions.
/// </summary>
/// <remarks>Built once per (key, version) and shared between threads; never mutate it after parsing.</remarks>
public sealed partial class ProcessGraph
{
    /// <summary>The <c>bpmn:process</c> id (the process key).</summary>
    public required string ProcessId { get; init; }

    /// <summary>The process's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Message names of the process's message start events (a matching message starts a new instance).</summary>
    public required IReadOnlyList<string> MessageStartNames { get; init; }
}
