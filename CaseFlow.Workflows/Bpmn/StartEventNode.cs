namespace CaseFlow.Workflows.Bpmn;

/// <summary>A none start event (<see cref="MessageName"/> null) or a message start event.</summary>
internal sealed class StartEventNode(string id, string? name, string? messageName)
    : FlowNode(id, name, NodeKind.StartEvent, "startEvent")
{
    public string? MessageName { get; } = messageName;
}
