namespace CaseFlow.Workflows.Bpmn;

/// <summary>A timer boundary event on a user task, interrupting (cancels the task) or not.</summary>
internal sealed class BoundaryTimerNode(string id, string? name, string attachedToId, bool cancelActivity, TimerDefinition timer)
    : FlowNode(id, name, NodeKind.TimerBoundary, "boundaryEvent")
{
    public string AttachedToId { get; } = attachedToId;

    public bool CancelActivity { get; } = cancelActivity;

    public TimerDefinition Timer { get; } = timer;
}
