namespace CaseFlow.Workflows.Bpmn;

/// <summary>A boundary event on an activity (BPMN 2.0 §10.5.4, §13.5.5): timer, message, error or escalation.</summary>
/// <remarks>Error boundaries always interrupt (BPMN 2.0 §10.5.4: cancelActivity must be true for errors).</remarks>
internal sealed class BoundaryEventNode(string id, string? name, string attachedToId, bool cancelActivity, EventTrigger trigger)
    : FlowNode(id, name, NodeKind.BoundaryEvent, "boundaryEvent")
{
    public string AttachedToId { get; } = attachedToId;

    public bool CancelActivity { get; } = trigger == EventTrigger.Error || cancelActivity;

    public EventTrigger Trigger { get; } = trigger;

    /// <summary>For timers.</summary>
    public TimerDefinition? Timer { get; init; }

    /// <summary>For messages: the <c>bpmn:message</c> name.</summary>
    public string? MessageName { get; init; }

    /// <summary>For messages: null means the instance's business key.</summary>
    public ValueTemplate? CorrelationKey { get; init; }

    /// <summary>For errors and escalations: the code caught; null catches any (no <c>errorRef</c>/<c>escalationRef</c>).</summary>
    public string? Code { get; init; }
}
