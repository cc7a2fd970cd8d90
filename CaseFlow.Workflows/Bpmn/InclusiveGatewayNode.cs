namespace CaseFlow.Workflows.Bpmn;

/// <summary>
/// An inclusive gateway (BPMN 2.0 §10.6.3, §13.3.2): forks along every flow whose condition holds (else the default
/// flow) and joins by waiting only for tokens that can still arrive.
/// </summary>
internal sealed class InclusiveGatewayNode(string id, string? name, string? defaultFlowId)
    : FlowNode(id, name, NodeKind.InclusiveGateway, "inclusiveGateway")
{
    public string? DefaultFlowId { get; } = defaultFlowId;
}
