using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Inclusive gateway, BPMN 2.0 §10.6.3 and §13.3.2: fork on every true condition, join only on live branches.</summary>
public class InclusiveGatewayTests
{
    private readonly EngineHarness _harness = new();

    private static string ForkJoin(bool withDefault) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="fork" {(withDefault ? "default=\"toC\"" : "")} />
        <bpmn:userTask id="taskA" />
        <bpmn:userTask id="taskB" />
        <bpmn:userTask id="taskC" />
        <bpmn:inclusiveGateway id="join" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "fork")}
        {Flow("toA", "fork", "taskA", "a")}
        {Flow("toB", "fork", "taskB", "b")}
        {(withDefault ? Flow("toC", "fork", "taskC") : Flow("toC", "fork", "taskC", "c"))}
        {Flow("fromA", "taskA", "join")}
        {Flow("fromB", "taskB", "join")}
        {Flow("fromC", "taskC", "join")}
        {Flow("f2", "join", "after")}
        {Flow("f3", "after", "end")}
        """);

    [Theory(DisplayName = "Inclusive fork takes every branch whose condition holds (BPMN 2.0 §13.3.2)")]
    [InlineData(true, false, false, new[] { "taskA" })]
    [InlineData(true, true, false, new[] { "taskA", "taskB" })]
    [InlineData(true, true, true, new[] { "taskA", "taskB", "taskC" })]
    public void InclusiveGateway_ForksOnEveryTrueCondition_WhenOneTwoOrAllHold(bool a, bool b, bool c, string[] expected)
    {
        var graph = _harness.Graph(ForkJoin(withDefault: false));

        var result = _harness.Start(graph, new JsonObject { ["a"] = a, ["b"] = b, ["c"] = c });

        Assert.Equal(expected, result.Instance.ActiveElementIds.Order(StringComparer.Ordinal));
    }

    [Fact(DisplayName = "Inclusive fork takes the default flow only when no condition holds (BPMN 2.0 §10.6.3)")]
    public void InclusiveGateway_TakesDefaultOnly_WhenNoConditionHolds()
    {
        var graph = _harness.Graph(ForkJoin(withDefault: true));

        Assert.Equal(["taskC"], _harness.Start(graph, new JsonObject { ["a"] = false, ["b"] = false }).Instance.ActiveElementIds);
        Assert.Equal(["taskA"], _harness.Start(graph, new JsonObject { ["a"] = true, ["b"] = false }).Instance.ActiveElementIds);
    }

    [Fact(DisplayName = "Inclusive fork with no true condition and no default raises NoFlowMatched (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_RaisesNoFlowMatched_WhenNothingHoldsAndNoDefault()
    {
        var result = _harness.Start(_harness.Graph(ForkJoin(withDefault: false)), new JsonObject { ["a"] = false, ["b"] = false, ["c"] = false });

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("fork", result.Instance.Incident!.ElementId);
        Assert.Equal("NoFlowMatched", result.Instance.Incident.Kind);
    }

    [Fact(DisplayName = "Inclusive join waits for every live branch and not for branches not taken (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_JoinWaitsOnlyForLiveBranches_WhenTwoOfThreeTaken()
    {
        var graph = _harness.Graph(ForkJoin(withDefault: false));
        var started = _harness.Start(graph, new JsonObject { ["a"] = true, ["b"] = true, ["c"] = false }).Instance;

        var afterA = _harness.Engine.CompleteUserTask(graph, started, EngineHarness.Single(started, "taskA").Id, null, "h");

        Assert.Equal(["taskB"], afterA.Instance.ActiveElementIds);
        Assert.Contains("JoinWaiting", EngineHarness.Events(afterA));

        var afterB = _harness.Engine.CompleteUserTask(graph, started, EngineHarness.Single(started, "taskB").Id, null, "h");

        Assert.Equal(["after"], afterB.Instance.ActiveElementIds);
        Assert.Empty(afterB.Instance.JoinArrivals);
        Assert.Contains("JoinCompleted", EngineHarness.Events(afterB));
    }

    [Fact(DisplayName = "Inclusive join with one branch taken fires as soon as that branch arrives (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_JoinFiresAtOnce_WhenSingleBranchTaken()
    {
        var graph = _harness.Graph(ForkJoin(withDefault: false));
        var started = _harness.Start(graph, new JsonObject { ["a"] = true, ["b"] = false, ["c"] = false }).Instance;

        var result = _harness.Engine.CompleteUserTask(graph, started, EngineHarness.Single(started, "taskA").Id, null, "h");

        Assert.Equal(["after"], result.Instance.ActiveElementIds);
    }

    // quick reaches the join at once; slow passes a user task and may then bypass the join.
    private static string LateBranch() => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:inclusiveGateway id="fork" />
        <bpmn:userTask id="review" />
        <bpmn:exclusiveGateway id="decide" default="bypass" />
        <bpmn:inclusiveGateway id="join" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="bypassEnd" />
        {Flow("f1", "start", "fork")}
        {Flow("quick", "fork", "join", "true")}
        {Flow("slow", "fork", "review", "slow")}
        {Flow("f2", "review", "decide")}
        {Flow("toJoin", "decide", "join", "outcome == 'join'")}
        {Flow("bypass", "decide", "bypassEnd")}
        {Flow("f3", "join", "after")}
        {Flow("f4", "after", "end")}
        """);

    [Fact(DisplayName = "Inclusive join waits for a branch still at a user task while the other finished, then fires when it arrives late (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_JoinWaitsForLateBranch_WhenOtherBranchFinishedFirst()
    {
        var graph = _harness.Graph(LateBranch());
        var started = _harness.Start(graph, new JsonObject { ["slow"] = true });

        Assert.Equal(["review"], started.Instance.ActiveElementIds);
        Assert.Equal(["quick"], started.Instance.JoinArrivals["join"]);

        var result = _harness.Engine.CompleteUserTask(graph, started.Instance, EngineHarness.Single(started.Instance, "review").Id, new JsonObject { ["outcome"] = "join" }, "h");

        Assert.Equal(["after"], result.Instance.ActiveElementIds);
        Assert.Empty(result.Instance.JoinArrivals);
    }

    [Fact(DisplayName = "Inclusive join fires once the late branch can no longer reach it (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_JoinFires_WhenLiveBranchLeavesAnotherWay()
    {
        var graph = _harness.Graph(LateBranch());
        var started = _harness.Start(graph, new JsonObject { ["slow"] = true }).Instance;

        var result = _harness.Engine.CompleteUserTask(graph, started, EngineHarness.Single(started, "review").Id, new JsonObject { ["outcome"] = "skip" }, "h");

        Assert.Equal(["after"], result.Instance.ActiveElementIds);
        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
    }

    [Fact(DisplayName = "Inclusive join does not wait for a branch the fork did not take (BPMN 2.0 §13.3.2)")]
    public void InclusiveGateway_JoinDoesNotWait_WhenBranchNotTaken()
    {
        var result = _harness.Start(_harness.Graph(LateBranch()), new JsonObject { ["slow"] = false });

        Assert.Equal(["after"], result.Instance.ActiveElementIds);
    }
}
