using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class GatewayTests
{
    private readonly EngineHarness _harness = new();

    private static string Exclusive(bool withDefault) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:exclusiveGateway id="gw" {(withDefault ? "default=\"toSmall\"" : "")} />
        <bpmn:userTask id="big" />
        <bpmn:userTask id="small" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "gw")}
        {Flow("toBig", "gw", "big", "amountInvolved > 10000")}
        {(withDefault ? Flow("toSmall", "gw", "small") : Flow("toSmall", "gw", "small", "amountInvolved < 100"))}
        {Flow("f4", "big", "end")}
        {Flow("f5", "small", "end")}
        """);

    [Fact]
    public void ExclusiveGateway_TakesFlowWhoseConditionHolds()
    {
        var result = _harness.Start(_harness.Graph(Exclusive(withDefault: true)), new JsonObject { ["amountInvolved"] = 50000 });

        Assert.Equal(["big"], result.Instance.ActiveElementIds);
        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
    }

    [Fact]
    public void ExclusiveGateway_TakesDefaultFlow_WhenNoConditionHolds()
    {
        var result = _harness.Start(_harness.Graph(Exclusive(withDefault: true)), new JsonObject { ["amountInvolved"] = 5000 });

        Assert.Equal(["small"], result.Instance.ActiveElementIds);
    }

    [Fact]
    public void ExclusiveGateway_RaisesIncident_WhenNothingMatchesAndNoDefault()
    {
        var result = _harness.Start(_harness.Graph(Exclusive(withDefault: false)), new JsonObject { ["amountInvolved"] = 5000 });

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("gw", result.Instance.Incident!.ElementId);
        Assert.Equal("NoFlowMatched", result.Instance.Incident.Kind);
        Assert.Contains("Incident", EngineHarness.Events(result));
    }

    [Fact]
    public void ExclusiveGateway_RaisesExpressionError_WhenVariableIsMissing()
    {
        var result = _harness.Start(_harness.Graph(Exclusive(withDefault: true)));

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("ExpressionError", result.Instance.Incident!.Kind);
        Assert.Contains("amountInvolved", result.Instance.Incident.Message, StringComparison.Ordinal);
    }

    private static string ForkJoin => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:parallelGateway id="fork" />
        <bpmn:userTask id="a" />
        <bpmn:userTask id="b" />
        <bpmn:parallelGateway id="join" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "fork")}
        {Flow("f2", "fork", "a")}
        {Flow("f3", "fork", "b")}
        {Flow("f4", "a", "join")}
        {Flow("f5", "b", "join")}
        {Flow("f6", "join", "after")}
        {Flow("f7", "after", "end")}
        """);

    [Fact]
    public void ParallelGateway_ForksOneTokenPerOutgoingFlow()
    {
        var result = _harness.Start(_harness.Graph(ForkJoin));

        Assert.Equal(["a", "b"], result.Instance.ActiveElementIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.CreatedBookmarks.Count);
    }

    [Fact]
    public void ParallelGateway_JoinWaitsForEveryIncomingBranch()
    {
        var graph = _harness.Graph(ForkJoin);
        var instance = _harness.Start(graph).Instance;

        var first = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "a").Id, null, "handler1");

        Assert.Equal(["b"], first.Instance.ActiveElementIds);
        Assert.Equal(["f4"], first.Instance.JoinArrivals["join"]);
        Assert.Contains("JoinWaiting", EngineHarness.Events(first));

        var second = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "b").Id, null, "handler2");

        Assert.Equal(["after"], second.Instance.ActiveElementIds);
        Assert.Empty(second.Instance.JoinArrivals);
        Assert.Single(second.CreatedBookmarks);
    }

    [Fact]
    public void Engine_RaisesStepLimitIncident_ForLoopWithoutWaitState()
    {
        var harness = new EngineHarness(o => o.MaxStepsPerCommand = 200);
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="merge" />
            <bpmn:exclusiveGateway id="check" default="out" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "merge")}
            {Flow("f2", "merge", "check")}
            {Flow("again", "check", "merge", "true")}
            {Flow("out", "check", "end")}
            """);

        var result = harness.Start(harness.Graph(xml));

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("StepLimit", result.Instance.Incident!.Kind);
    }
}
