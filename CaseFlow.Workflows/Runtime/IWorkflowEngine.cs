using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Runs process instances: each call advances one instance until every token waits or the instance ends.
/// </summary>
/// <remarks>
/// The engine is pure with respect to I/O: it reads the clock through <see cref="TimeProvider"/>, and returns
/// bookmarks, history and effects for the caller to persist in one transaction. It is therefore safe to
/// re-run a command after an optimistic-concurrency conflict: the discarded result had no effect.
/// An expression error or sandbox limit does not throw: the instance becomes <see cref="InstanceStatus.Faulted"/>
/// with an <see cref="Incident"/>, and the result is still saved.
/// </remarks>
public interface IWorkflowEngine
{
    /// <summary>Starts a new instance of <paramref name="graph"/>.</summary>
    ExecutionResult Start(ProcessGraph graph, StartInstanceRequest request);

    /// <summary>Completes the user task bookmark <paramref name="bookmarkId"/>, merging <paramref name="variables"/> first.</summary>
    /// <exception cref="BookmarkNotFoundException">The bookmark is not open on this instance (already completed or withdrawn).</exception>
    ExecutionResult CompleteUserTask(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject? variables, string? actor);

    /// <summary>Fires the timer bookmark <paramref name="bookmarkId"/>.</summary>
    /// <exception cref="BookmarkNotFoundException">The timer was already consumed or withdrawn.</exception>
    ExecutionResult FireTimer(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId);

    /// <summary>Delivers a message to the message bookmark <paramref name="bookmarkId"/>, merging <paramref name="variables"/> first.</summary>
    /// <exception cref="BookmarkNotFoundException">The subscription was already consumed or withdrawn.</exception>
    ExecutionResult DeliverMessage(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject? variables);
}
