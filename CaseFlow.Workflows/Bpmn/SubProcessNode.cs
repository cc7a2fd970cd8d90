namespace CaseFlow.Workflows.Bpmn;

/// <summary>An embedded sub-process (BPMN 2.0 §10.3.5, §13.3.4): its own none start event and inner elements, run in a scope.</summary>
/// <remarks>Inner nodes live in the graph's flat node table (ids are unique process-wide) with <see cref="FlowNode.ParentId"/> set to this id.</remarks>
internal sealed class SubProcessNode(string id, string? name) : ActivityNode(id, name, NodeKind.SubProcess, "subProcess")
{
    /// <summary>The inner none start event; null when the sub-process has none (a validation error).</summary>
    public string? StartId { get; set; }

    /// <summary>Ids of the elements drawn directly inside.</summary>
    public List<string> ChildIds { get; } = [];

    public override bool HasInnerThrows => true;
}
