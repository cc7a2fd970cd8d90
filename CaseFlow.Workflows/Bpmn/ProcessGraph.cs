namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// An immutable, executable process parsed from BPMN: nodes, flows and compiled expressions.
/// </summary>
/// <remarks>Built once per (key, version) and shared between threads; never mutate it after parsing.</remarks>
public sealed partial class ProcessGraph
{
    /// <summary>The <c>bpmn:process</c> id as the modeler wrote it (e.g. <c>Process_1mgwbq0</c>); not necessarily the key.</summary>
    public required string ProcessId { get; init; }

    /// <summary>
    /// The process key the legal officer saved it under, which instances carry and call activities name. Set by
    /// <see cref="ProcessGraphCache"/>; a graph parsed on its own (a draft) uses its process id.
    /// </summary>
    public string Key
    {
        get => field ?? ProcessId;
        init;
    }

    /// <summary>The process's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Message names of the process's message start events (a matching message starts a new instance).</summary>
    public required IReadOnlyList<string> MessageStartNames { get; init; }
}
