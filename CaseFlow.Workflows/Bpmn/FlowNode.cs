namespace CaseFlow.Workflows.Bpmn;

/// <summary>A node of the executable graph. Subclasses carry the element-specific settings.</summary>
/// <remarks>The flow lists are filled while the parser links the graph and never changed afterwards.</remarks>
internal class FlowNode(string id, string? name, NodeKind kind, string bpmnType)
{
    public string Id { get; } = id;

    public string? Name { get; } = name;

    public NodeKind Kind { get; } = kind;

    /// <summary>The BPMN element's local name, for messages.</summary>
    public string BpmnType { get; } = bpmnType;

    /// <summary>Incoming flows in document order.</summary>
    public List<SequenceFlow> Incoming { get; } = [];

    /// <summary>Outgoing flows in document order (the order an exclusive gateway tries them).</summary>
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>The embedded sub-process the element is drawn in; null at the process level.</summary>
    /// <remarks>Set once by the reader. Sequence flows never cross it, and it decides which scope a token runs in.</remarks>
    public string? ParentId { get; set; }

    /// <summary>The element named as a legal officer sees it in the modeler.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? $"'{Id}'" : $"'{Name}' ({Id})";
}
