using System.Text.Json.Nodes;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Expressions;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CaseFlow.Workflows.Tests.Support;

/// <summary>Parser, sandbox, registry and engine wired as the host would, on a fake clock and a weekend-only calendar.</summary>
internal sealed class EngineHarness
{
    /// <summary>Monday 2026-03-02 09:00 Shanghai.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public EngineHarness(Action<WorkflowEngineOptions>? configure = null)
    {
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Activities = new ActivityRegistry([typeof(ExplodingActivity), typeof(FlakyActivity)]);
        Expressions = new JintExpressionEvaluator(wrapped);
        Parser = new BpmnParser(Activities, Expressions, wrapped);
        Engine = new WorkflowEngine(Time, Calendar, Activities, Expressions, wrapped);
    }

    public WorkflowEngineOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(StartTime);

    public WeekendCalendar Calendar { get; } = new();

    public ActivityRegistry Activities { get; }

    public JintExpressionEvaluator Expressions { get; }

    public BpmnParser Parser { get; }

    public WorkflowEngine Engine { get; }

    public ProcessGraph Graph(string xml)
    {
        var result = Parser.Parse(xml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.ElementId}: {e.Message}")));
        return result.Graph!;
    }

    public ExecutionResult Start(ProcessGraph graph, JsonObject? variables = null, string? businessKey = "C-2026-0001", string? message = null) =>
        Engine.Start(graph, new StartInstanceRequest(Guid.NewGuid(), businessKey, variables ?? [], message, "tester"));

    public static Bookmark Single(WorkflowInstanceState instance, string elementId) =>
        Assert.Single(instance.Bookmarks, b => b.ElementId == elementId);

    public static IReadOnlyList<string> Events(ExecutionResult result) => [.. result.History.Select(h => h.Event)];
}
