using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime.Migration;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Operators' commands: incident retry, cancel, variables, token moves and migration.</summary>
public sealed partial class WorkflowEngine
{
    /// <inheritdoc />
    public ExecutionResult RetryIncident(ProcessGraph graph, WorkflowInstanceState instance, string? actor, string? reason)
    {
        var run = Begin(graph, instance);
        run.RetryIncident(actor, reason);
        return run.Result();
    }

    /// <inheritdoc />
    public ExecutionResult Cancel(ProcessGraph graph, WorkflowInstanceState instance, string? actor, string? reason)
    {
        var run = Begin(graph, instance);
        run.Cancel(actor, reason);
        return run.Result();
    }

    /// <inheritdoc />
    public ExecutionResult SetVariables(ProcessGraph graph, WorkflowInstanceState instance, JsonObject set, IEnumerable<string> remove, string? actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(remove);
        var run = Begin(graph, instance);
        run.SetVariables(set, [.. remove], actor, reason);
        return run.Result();
    }

    /// <inheritdoc />
    public ExecutionResult MoveToken(ProcessGraph graph, WorkflowInstanceState instance, string fromElementId, string toElementId, string? actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(fromElementId);
        ArgumentNullException.ThrowIfNull(toElementId);
        var run = Begin(graph, instance);
        run.MoveToken(fromElementId, toElementId, actor, reason);
        return run.Result();
    }

    /// <inheritdoc />
    public MigrationOutcome Migrate(
        ProcessGraph source,
        WorkflowInstanceState instance,
        ProcessGraph target,
        IReadOnlyDictionary<string, string>? mapping,
        bool dryRun,
        string? actor,
        string? reason)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = Begin(source, instance);
        var (plan, applied) = run.Migrate(target, mapping, dryRun, actor, reason);
        return new MigrationOutcome(plan, applied ? run.Result() : null);
    }
}
