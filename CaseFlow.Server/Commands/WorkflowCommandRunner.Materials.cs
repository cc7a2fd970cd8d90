using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Commands;

/// <summary>Commands that change a case's own record and the variables its process sees, together.</summary>
public sealed partial class WorkflowCommandRunner
{
    /// <summary>
    /// Sets process variables and, in the same transaction, applies <paramref name="changeCase"/> (run again on every
    /// attempt, after the unit of work was cleared), so a case's record and its process never disagree.
    /// </summary>
    public Task<ExecutionResult> SetVariablesWithCaseChangeAsync(
        Guid instanceId,
        JsonObject set,
        string actor,
        string reason,
        Func<Task> changeCase,
        CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.SetVariables(graph, state, (JsonObject)set.DeepClone(), [], actor, reason), actor, changeCase, cancellationToken);
}
