namespace CaseFlow.Workflows.Bpmn;

/// <summary>The executable element types of CaseFlow's BPMN subset.</summary>
internal enum NodeKind
{
    StartEvent,
    EndEvent,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    TimerCatch,
    MessageCatch,

    /// <summary>A boundary event of any trigger (see <see cref="BoundaryEventNode.Trigger"/>).</summary>
    BoundaryEvent,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,

    /// <summary>A call activity: another published process run as a child instance.</summary>
    CallActivity,

    /// <summary>An abstract task (<c>bpmn:task</c>): documents a step and passes the token straight on.</summary>
    Task,

    /// <summary>A placeholder for a refused element; a graph containing one is never valid.</summary>
    Unsupported,
}
