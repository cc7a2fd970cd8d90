using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CaseFlow.Workflows;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Benchmarks;

/// <summary>
/// The engine alone, in memory: no database, no scheduler. Each benchmark is one workload; "steps" in its
/// description is how many BPMN elements a token passes, so time or bytes per step = result ÷ steps.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private IWorkflowEngine engine = null!;
    private ProcessGraph serviceChain = null!;
    private ProcessGraph userTaskChain = null!;
    private ProcessGraph gatewayChain = null!;
    private ProcessGraph parallelFan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddBusinessCalendar().AddCaseFlowWorkflows().BuildServiceProvider();
        engine = services.GetRequiredService<IWorkflowEngine>();
        var parser = services.GetRequiredService<IBpmnParser>();
        serviceChain = Parse(parser, Flows.ServiceChain(10));
        userTaskChain = Parse(parser, Flows.UserTaskChain(10));
        gatewayChain = Parse(parser, Flows.GatewayChain(10));
        parallelFan = Parse(parser, Flows.ParallelFan(100));
    }

    /// <summary>
    /// Baseline: the same 10 steps hand-written as a loop producing the same records (history lines, effects,
    /// a JSON state), with no graph, sandbox or bookkeeping. The engine's cost is its ratio to this.
    /// </summary>
    [Benchmark(Baseline = true, Description = "baseline: hand-coded 10 steps")]
    public int HandCodedServiceChain()
    {
        var clock = TimeProvider.System;
        var history = new List<HistoryEntry>();
        var effects = new List<WorkflowEffect>();
        var state = new WorkflowInstanceState { Id = Guid.NewGuid(), ProcessKey = "hand", ProcessVersion = 1 };
        for (var i = 0; i < 10; i++)
        {
            var id = "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            history.Add(new HistoryEntry(clock.GetUtcNow(), id, "ElementEntered", null));
            effects.Add(new CaseTimelineEffect(id, "step", null));
            history.Add(new HistoryEntry(clock.GetUtcNow(), id, "ElementCompleted", null));
        }

        state.Status = InstanceStatus.Completed;
        return history.Count + effects.Count;
    }

    /// <summary>Start an instance that runs 10 service tasks to its end in one command (12 elements).</summary>
    [Benchmark(Description = "start: 10 service tasks, 1 command")]
    public ExecutionResult StartServiceChain() => Start(serviceChain);

    /// <summary>Start, then complete 10 user tasks one command each (11 commands, each with a due date on the calendar).</summary>
    [Benchmark(Description = "10 user tasks, 11 commands")]
    public WorkflowInstanceState CompleteUserTaskChain()
    {
        var result = Start(userTaskChain);
        var state = result.Instance;
        while (state.Bookmarks.Count > 0)
        {
            state = engine.CompleteUserTask(userTaskChain, state, state.Bookmarks[0].Id, null, "bench").Instance;
        }

        return state;
    }

    /// <summary>Start an instance through 10 exclusive gateways, each evaluating a JavaScript condition in the sandbox.</summary>
    [Benchmark(Description = "start: 10 JS conditions, 1 command")]
    public ExecutionResult StartGatewayChain() => Start(gatewayChain, new JsonObject { ["amount"] = 5 });

    /// <summary>Start an instance that forks into 100 parallel branches and joins them (204 elements).</summary>
    [Benchmark(Description = "start: 100-branch fork/join, 1 command")]
    public ExecutionResult StartParallelFan() => Start(parallelFan);

    private ExecutionResult Start(ProcessGraph graph, JsonObject? variables = null) =>
        engine.Start(graph, new StartInstanceRequest(Guid.NewGuid(), "bench", variables ?? []));

    private static ProcessGraph Parse(IBpmnParser parser, string xml)
    {
        var result = parser.Parse(xml);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.ElementId}: {e.Message}")));
        }

        return result.Graph!;
    }
}
