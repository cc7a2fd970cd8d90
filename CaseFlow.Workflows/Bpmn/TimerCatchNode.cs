namespace CaseFlow.Workflows.Bpmn;

/// <summary>An intermediate timer catch event: the token waits until the timer fires.</summary>
internal sealed class TimerCatchNode(string id, string? name, TimerDefinition timer)
    : FlowNode(id, name, NodeKind.TimerCatch, "intermediateCatchEvent")
{
    public TimerDefinition Timer { get; } = timer;
}
