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

    /// <summary>
    /// Resumes a call activity whose child instance completed: copies the <c>caseflow:out</c> mappings from
    /// <paramref name="childVariables"/> and continues. The server calls it in the child's completing transaction.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">The call activity was already completed or withdrawn.</exception>
    /// <exception cref="InstanceNotRunningException">The parent is completed, cancelled or faulted.</exception>
    ExecutionResult CompleteCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject childVariables);

    /// <summary>
    /// Raises an incident on a call activity whose child could not be started (the called process has no published
    /// version or no start event without a trigger). Retrying the incident calls the process again, e.g. after it was fixed.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">The call activity is no longer waiting.</exception>
    /// <exception cref="InstanceNotRunningException">The instance is not running.</exception>
    ExecutionResult FailCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, string message);

    /// <summary>
    /// Offers an error (<paramref name="isError"/>) or escalation with <paramref name="code"/> that the child did not catch
    /// to the boundary events of the call activity (BPMN 2.0 §10.3.6). When none catches it, nothing changes: an uncaught
    /// error stays an incident on the child, an uncaught escalation is only recorded there.
    /// </summary>
    /// <exception cref="BookmarkNotFoundException">The call activity is no longer waiting.</exception>
    /// <exception cref="InstanceNotRunningException">The parent is not running.</exception>
    ExecutionResult CatchFromCallActivity(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, bool isError, string? code);

    /// <summary>
    /// Clears the incident of a faulted instance and re-enters the element where it happened: a service task runs
    /// again with a fresh retry budget, a gateway evaluates its conditions again (typically after an operator fixed
    /// the variables). Tokens the incident kept from starting are re-entered too.
    /// </summary>
    /// <exception cref="InstanceStateException">The instance has no incident.</exception>
    ExecutionResult RetryIncident(ProcessGraph graph, WorkflowInstanceState instance, string? actor, string? reason);

    /// <summary>Ends a running or faulted instance: every token and bookmark is withdrawn and the status becomes cancelled.</summary>
    /// <remarks>Operators cancel cases that were withdrawn or entered twice; the history keeps who did it and why.</remarks>
    /// <exception cref="InstanceNotRunningException">The instance already ended.</exception>
    ExecutionResult Cancel(ProcessGraph graph, WorkflowInstanceState instance, string? actor, string? reason);

    /// <summary>
    /// Sets and removes process variables of a running or faulted instance without moving any token, so an operator
    /// can fix the data an incident tripped over and then retry it.
    /// </summary>
    /// <exception cref="InvalidModificationException">A name is empty, or both set and removed.</exception>
    /// <exception cref="InstanceNotRunningException">The instance already ended.</exception>
    ExecutionResult SetVariables(ProcessGraph graph, WorkflowInstanceState instance, JsonObject set, IEnumerable<string> remove, string? actor, string? reason);

    /// <summary>
    /// Withdraws the tokens on <paramref name="fromElementId"/> (and their tasks, timers and subscriptions) and enters
    /// <paramref name="toElementId"/> fresh, creating its bookmarks: Camunda's "modification", for a case that must
    /// go back a step or skip one the model did not foresee. On a faulted instance the token must come from the
    /// element of the incident, which it then resolves.
    /// </summary>
    /// <exception cref="InvalidModificationException">An element is unknown, holds no token, or the target is not an activity at the same level.</exception>
    /// <exception cref="InstanceStateException">The instance is faulted elsewhere.</exception>
    /// <exception cref="InstanceNotRunningException">The instance already ended.</exception>
    ExecutionResult MoveToken(ProcessGraph graph, WorkflowInstanceState instance, string fromElementId, string toElementId, string? actor, string? reason);

    /// <summary>
    /// Plans moving an instance from <paramref name="source"/> to <paramref name="target"/> (another version of its process)
    /// and, unless <paramref name="dryRun"/> or the plan refuses tokens without a counterpart, applies exactly that plan
    /// and sets the instance's version to the target's. <paramref name="mapping"/> maps old element ids to new ones
    /// for elements that were renamed; unmapped elements keep their id.
    /// </summary>
    /// <exception cref="InvalidModificationException">The mapping names elements that do not exist, or the target is another process.</exception>
    /// <exception cref="InstanceNotRunningException">The instance already ended.</exception>
    Migration.MigrationOutcome Migrate(
        ProcessGraph source,
        WorkflowInstanceState instance,
        ProcessGraph target,
        IReadOnlyDictionary<string, string>? mapping,
        bool dryRun,
        string? actor,
        string? reason);
}
