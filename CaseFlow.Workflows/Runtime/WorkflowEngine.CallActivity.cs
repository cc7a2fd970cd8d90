using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Call activities and timer starts: the commands that link an instance to other instances and to the scheduler.</summary>
public sealed partial class WorkflowEngine
{
    /// <inheritdoc />
    public ExecutionResult CompleteCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject childVariables)
    {
        ArgumentNullException.ThrowIfNull(childVariables);
        var run = Begin(graph, instance);
        run.CompleteCallActivity(bookmarkId, childVariables);
        return run.Result();
    }

    /// <inheritdoc />
    public ExecutionResult FailCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = Begin(graph, instance);
        run.FailCallActivity(bookmarkId, message);
        return run.Result();
    }

    /// <inheritdoc />
    public ExecutionResult CatchFromCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, bool isError, string? code)
    {
        var run = Begin(graph, instance);
        run.CatchFromCallActivity(bookmarkId, isError, code);
        return run.Result();
    }

    /// <summary>The timer start event a start request names; a wrong id is a server bug, so it throws.</summary>
    private static TimerStartNode TimerStart(ProcessGraph graph, string startEventId) =>
        graph.Nodes.TryGetValue(startEventId, out var node) && node is TimerStartNode { ParentId: null } timer
            ? timer
            : throw new InvalidOperationException($"Process '{graph.ProcessId}' v{graph.Version} has no timer start event '{startEventId}'.");
}
