using System.Text.Json.Nodes;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Expressions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Workflows.Runtime;

/// <summary>The token-based engine: each command runs the instance until every token waits or the instance ends.</summary>
/// <remarks>
/// Stateless and thread-safe: everything about an instance is in <see cref="WorkflowInstanceState"/>, and each
/// command works through a short-lived run object. No I/O happens here; the clock is the injected
/// <see cref="TimeProvider"/> and due instants come from the <see cref="IBusinessCalendar"/>.
/// </remarks>
public sealed partial class WorkflowEngine(
    TimeProvider time,
    IBusinessCalendar calendar,
    IActivityRegistry activities,
    IExpressionEvaluator expressions,
    IOptions<WorkflowEngineOptions> options) : IWorkflowEngine
{
    private readonly EngineServices _services = new(time, calendar, activities, expressions, options.Value);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The process has no start event for the request (no none start, or no message start with that name).</exception>
    public ExecutionResult Start(ProcessGraph graph, StartInstanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(request);
        // Start events inside sub-processes are entered with their sub-process, never to start an instance.
        var start = (request.StartEventId is { } startEventId ? (FlowNode)TimerStart(graph, startEventId) : null)
            ?? graph.Nodes.Values.OfType<StartEventNode>().FirstOrDefault(s => s.ParentId is null && s.MessageName == request.MessageName)
            ?? throw new InvalidOperationException(request.MessageName is null
                ? $"Process '{graph.Key}' has no start event without a trigger; start it with a message."
                : $"Process '{graph.Key}' has no message start event for '{request.MessageName}'.");
        var instance = new WorkflowInstanceState
        {
            Id = request.InstanceId,
            ProcessKey = graph.Key,
            ProcessVersion = graph.Version,
            BusinessKey = request.BusinessKey,
            Variables = (JsonObject)request.Variables.DeepClone(),
        };
        var run = new ExecutionRun(graph, instance, _services);
        run.Start(start, request.MessageName, request.Actor);
        return run.Result();
    }

    /// <inheritdoc />
    /// <exception cref="InstanceNotRunningException">The instance is completed, cancelled or faulted.</exception>
    public ExecutionResult CompleteUserTask(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject? variables, string? actor)
    {
        var run = Begin(graph, instance);
        run.CompleteUserTask(bookmarkId, variables, actor);
        return run.Result();
    }

    /// <inheritdoc />
    /// <exception cref="InstanceNotRunningException">The instance is completed, cancelled or faulted.</exception>
    public ExecutionResult FireTimer(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId)
    {
        var run = Begin(graph, instance);
        run.FireTimer(bookmarkId);
        return run.Result();
    }

    /// <inheritdoc />
    /// <exception cref="InstanceNotRunningException">The instance is completed, cancelled or faulted.</exception>
    public ExecutionResult DeliverMessage(ProcessGraph graph, WorkflowInstanceState instance, Guid bookmarkId, JsonObject? variables)
    {
        var run = Begin(graph, instance);
        run.DeliverMessage(bookmarkId, variables);
        return run.Result();
    }

    private ExecutionRun Begin(ProcessGraph graph, WorkflowInstanceState instance)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(instance);
        return new ExecutionRun(graph, instance, _services);
    }
}
