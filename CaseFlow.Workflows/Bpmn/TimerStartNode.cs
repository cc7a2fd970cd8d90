namespace CaseFlow.Workflows.Bpmn;

/// <summary>A timer start event: the server starts a new instance here when the timer falls due.</summary>
/// <remarks>
/// A class of its own rather than a <see cref="StartEventNode"/>, so code asking for "the none start" or "message
/// starts" never mistakes it for one; the engine enters it only when a start request names it.
/// </remarks>
internal sealed class TimerStartNode(string id, string? name, TimerDefinition timer)
    : FlowNode(id, name, NodeKind.StartEvent, "startEvent")
{
    public TimerDefinition Timer { get; } = timer;
}
