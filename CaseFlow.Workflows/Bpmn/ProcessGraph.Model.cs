namespace CaseFlow.Workflows.Bpmn;

/// <summary>The executable part of the graph, visible to the engine only.</summary>
public sealed partial class ProcessGraph
{
    /// <summary>True when the process has a none start event (it can be started without a message).</summary>
    public bool HasNoneStart => Nodes.Values.Any(n => n is StartEventNode { MessageName: null, ParentId: null });

    /// <summary>The published version this graph was parsed from (set by <see cref="ProcessGraphCache"/>; 0 for drafts).</summary>
    public int Version { get; init; }

    internal IReadOnlyDictionary<string, FlowNode> Nodes { get; init; } = new Dictionary<string, FlowNode>();

    internal IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; } = new Dictionary<string, SequenceFlow>();

    /// <summary>The display name of an element (its BPMN <c>name</c>), or null when it has none or does not exist.</summary>
    public string? GetElementName(string elementId) => Nodes.TryGetValue(elementId, out var node) ? node.Name : null;

    /// <summary>
    /// The form of the user task <paramref name="elementId"/> (<c>caseflow:form</c>), or null when the element has none.
    /// The server reads it from the instance's own version, so a task is always checked against the form it was opened with.
    /// </summary>
    public CaseFlow.Forms.FormSchema? GetTaskForm(string elementId) => Nodes.TryGetValue(elementId, out var node) && node is UserTaskNode task ? task.Form : null;

    internal FlowNode Node(string id) => Nodes[id];

    /// <summary>The same graph labelled with its key and published version; nodes are shared, they are immutable.</summary>
    internal ProcessGraph WithVersion(int version, string? key = null) => new()
    {
        ProcessId = ProcessId,
        Key = key ?? Key,
        Name = Name,
        MessageStartNames = MessageStartNames,
        Version = version,
        Nodes = Nodes,
        Flows = Flows,
    };
}
