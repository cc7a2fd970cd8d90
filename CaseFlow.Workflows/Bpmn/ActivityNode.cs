namespace CaseFlow.Workflows.Bpmn;

/// <summary>An activity that waits while it runs, so boundary events can be attached to it.</summary>
/// <remarks>
/// The boundary machinery (creating, firing and withdrawing boundary bookmarks; interrupting) works on this
/// type only, so any waiting activity (user task, sub-process, call activity) gets boundary events by
/// deriving from it.
/// </remarks>
internal class ActivityNode(string id, string? name, NodeKind kind, string bpmnType) : FlowNode(id, name, kind, bpmnType)
{
    /// <summary>Boundary events attached to this activity, in document order.</summary>
    public List<BoundaryEventNode> Boundaries { get; } = [];

    /// <summary>
    /// True when errors and escalations can be thrown from inside the activity (sub-processes, called processes),
    /// so error and escalation boundary events on it make sense; a user task throws neither.
    /// </summary>
    public virtual bool HasInnerThrows => false;
}
