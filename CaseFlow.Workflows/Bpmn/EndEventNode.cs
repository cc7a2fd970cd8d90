namespace CaseFlow.Workflows.Bpmn;

/// <summary>An end event: none, terminate (BPMN 2.0 §13.5.6), error or escalation (throws <see cref="Code"/>).</summary>
internal sealed class EndEventNode(string id, string? name, EventTrigger trigger, string? code)
    : FlowNode(id, name, NodeKind.EndEvent, "endEvent")
{
    public EventTrigger Trigger { get; } = trigger;

    /// <summary>For error and escalation ends: the <c>errorCode</c> / <c>escalationCode</c> thrown.</summary>
    public string? Code { get; } = code;
}
