namespace CaseFlow.Workflows.Bpmn;

/// <summary>An exclusive gateway: the first outgoing flow whose condition holds, else the default flow.</summary>
internal sealed class ExclusiveGatewayNode(string id, string? name, string? defaultFlowId)
    : FlowNode(id, name, NodeKind.ExclusiveGateway, "exclusiveGateway")
{
    public string? DefaultFlowId { get; } = defaultFlowId;
}
