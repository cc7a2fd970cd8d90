namespace CaseFlow.Workflows.Bpmn;

/// <summary>An intermediate message catch event: the token waits for a message with this name and correlation key.</summary>
internal sealed class MessageCatchNode(string id, string? name, string messageName, ValueTemplate? correlationKey)
    : FlowNode(id, name, NodeKind.MessageCatch, "intermediateCatchEvent")
{
    public string MessageName { get; } = messageName;

    /// <summary>Null means the instance's business key.</summary>
    public ValueTemplate? CorrelationKey { get; } = correlationKey;
}
