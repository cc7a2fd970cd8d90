namespace CaseFlow.Workflows.Bpmn;

/// <summary>What the server needs to know about a graph's links to the outside: called processes and timer starts.</summary>
public sealed partial class ProcessGraph
{
    /// <summary>Every call activity's target, for "does the called process exist" checks at validation and publishing.</summary>
    public IReadOnlyList<CalledProcess> CalledProcesses =>
        [.. Nodes.Values.OfType<CallActivityNode>().Select(c => new CalledProcess(c.Id, c.CalledElement, c.Version))];

    /// <summary>The process's timer start events; the server schedules them when this version is published.</summary>
    public IReadOnlyList<TimerStartEvent> TimerStarts =>
        [.. Nodes.Values.OfType<TimerStartNode>().Where(t => t.ParentId is null).Select(t => new TimerStartEvent(t.Id, t.Timer))];
}
