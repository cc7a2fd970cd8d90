using System.Diagnostics;
using System.Text.Json.Nodes;
using CaseFlow.Workflows.Expressions;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Expressions;

public class SandboxTests
{
    private static string Decision(string condition) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" default="no" />
        <bpmn:endEvent id="end1" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "gw")}
        {Flow("yes", "gw", "end1", condition)}
        {Flow("no", "gw", "end2")}
        """);

    [Fact]
    public void Condition_FaultsInstanceWithinTimeLimit_ForInfiniteLoop()
    {
        // Statement limit raised so that the wall-clock timeout is what stops the loop.
        var harness = new EngineHarness(o => o.ExpressionMaxStatements = int.MaxValue);
        var graph = harness.Graph(Decision("while (true) {} "));
        var clock = Stopwatch.StartNew();

        var result = harness.Start(graph);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("SandboxLimit", result.Instance.Incident!.Kind);
        Assert.Equal("gw", result.Instance.Incident.ElementId);
        Assert.Contains(result.History, h => h.Event == "Incident");
    }

    [Fact]
    public void Condition_FaultsInstance_WhenStatementLimitIsReached()
    {
        var harness = new EngineHarness();

        var result = harness.Start(harness.Graph(Decision("let i = 0; for (;;) { i++; }")));

        Assert.Equal("SandboxLimit", result.Instance.Incident!.Kind);
        Assert.Contains("statements", result.Instance.Incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_FaultsInstance_WhenRecursionLimitIsReached()
    {
        var harness = new EngineHarness();

        var result = harness.Start(harness.Graph(Decision("function f(n) { return f(n + 1); } f(0) > 1")));

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("SandboxLimit", result.Instance.Incident!.Kind);
        Assert.Contains("recursion", result.Instance.Incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_FaultsInstance_WhenMemoryLimitIsReached()
    {
        var harness = new EngineHarness(o => o.ExpressionMaxStatements = int.MaxValue);

        var result = harness.Start(harness.Graph(Decision("let s = 'x'; while (true) { s = s + s; } ")));

        Assert.Equal("SandboxLimit", result.Instance.Incident!.Kind);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd') != ''")]
    [InlineData("importNamespace('System.IO') != null")]
    [InlineData("typeof clr !== 'undefined' && clr != null")]
    public void Evaluator_HasNoClrAccess(string source)
    {
        var evaluator = new EngineHarness().Expressions;
        Assert.True(evaluator.TryCompile(source, out var expression, out _));

        var result = evaluator.EvaluateCondition(expression!, []);

        Assert.False(result.Succeeded && result.Value);
    }

    [Theory]
    [InlineData("amountInvolved > 10000", true)]
    [InlineData("amountInvolved", true)]
    [InlineData("''", false)]
    [InlineData("variables['category'] === '食品'", true)]
    [InlineData("complainant.email == null", true)]
    public void EvaluateCondition_AppliesJavaScriptTruthiness(string source, bool expected)
    {
        var evaluator = new EngineHarness().Expressions;
        Assert.True(evaluator.TryCompile(source, out var expression, out var error), error);
        var variables = new JsonObject { ["amountInvolved"] = 20000, ["category"] = "食品", ["complainant"] = new JsonObject { ["email"] = null } };

        var result = evaluator.EvaluateCondition(expression!, variables);

        Assert.Null(result.Failure);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Evaluate_ReturnsJsonValues()
    {
        var evaluator = new EngineHarness().Expressions;
        Assert.True(evaluator.TryCompile("({ n: count * 2, list: [name, 'b'], half: count / 4 })", out var expression, out _));

        var result = evaluator.Evaluate(expression!, new JsonObject { ["count"] = 3, ["name"] = "a" });

        Assert.Equal("""{"n":6,"list":["a","b"],"half":0.75}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void TryCompile_ReportsSyntaxError()
    {
        var evaluator = new EngineHarness().Expressions;

        Assert.False(evaluator.TryCompile("outcome ==", out var expression, out var error));

        Assert.Null(expression);
        Assert.Contains("not valid JavaScript", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionFailure_MapsToIncidentKinds()
    {
        Assert.Equal("SandboxLimit", new ExpressionFailure(ExpressionFailureKind.SandboxLimit, "x").IncidentKind);
        Assert.Equal("ExpressionError", new ExpressionFailure(ExpressionFailureKind.Error, "x").IncidentKind);
    }

    [Theory]
    [InlineData("'a'.repeat(200000000).length > 1")]
    [InlineData("'a'.padEnd(200000000).length > 1")]
    [InlineData("new Array(100000000).join('ab').length > 1")]
    [InlineData("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')")]
    public void Condition_StopsHugeStringsAndCatastrophicRegexes_WithinTheLimits(string condition)
    {
        var harness = new EngineHarness();
        var graph = harness.Graph(Decision(condition));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var result = harness.Start(graph);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64L * 1024 * 1024);
        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("SandboxLimit", result.Instance.Incident!.Kind);
    }

    [Fact]
    public void Condition_StillBuildsOrdinaryStrings()
    {
        var evaluator = new EngineHarness().Expressions;
        Assert.True(evaluator.TryCompile("'ab'.repeat(3) + '-'.padStart(2, '*') + ['x', 'y'].join('/')", out var expression, out _));

        var result = evaluator.Evaluate(expression!, []);

        Assert.Equal("ababab*-x/y", (string)result.Value!);
    }
}
