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
    TimerBoundary,

    /// <summary>A placeholder for a refused element; a graph containing one is never valid.</summary>
    Unsupported,
}
