using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class IncidentRetryTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public void RetryIncident_RunsTheServiceTaskAgainWithAFreshBudget()
    {
        var graph = _harness.Graph(ServiceTaskRetryTests.Flaky("""caseflow:retries="0" """));
        var faulted = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;
        faulted.Variables["broken"] = false;

        var result = _harness.Engine.RetryIncident(graph, faulted, "admin", "register is back");

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Null(result.Instance.Incident);
        Assert.Empty(result.Instance.IncidentTokens);
        Assert.Equal(["review"], result.Instance.ActiveElementIds);
        var retried = Assert.Single(result.History, h => h.Event == "IncidentRetried");
        Assert.Equal(("svc", "admin", "register is back"), (retried.ElementId, retried.Actor, retried.Reason));
    }

    [Fact]
    public void RetryIncident_RestartsTheRetryBudget_WhenTheActivityStillFails()
    {
        var graph = _harness.Graph(ServiceTaskRetryTests.Flaky());
        var instance = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;
        for (var i = 0; i < 2; i++)
        {
            var timer = EngineHarness.Single(instance, "svc");
            _harness.Engine.FireTimer(graph, instance, timer.Id);
        }

        var result = _harness.Engine.RetryIncident(graph, instance, "admin", null);

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Equal(2, EngineHarness.Single(result.Instance, "svc").RetryAttempt);
    }

    [Fact]
    public void RetryIncident_EvaluatesAGatewayAgain_AfterTheVariablesWereFixed()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="small" />
            <bpmn:userTask id="bigCase" />
            <bpmn:userTask id="smallCase" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("big", "gw", "bigCase", "amount > limits.big")}
            {Flow("small", "gw", "smallCase")}
            {Flow("f2", "bigCase", "end")}
            {Flow("f3", "smallCase", "end")}
            """));
        var faulted = _harness.Start(graph, new JsonObject { ["amount"] = 50_000 }).Instance;
        _harness.Engine.SetVariables(graph, faulted, new JsonObject { ["limits"] = new JsonObject { ["big"] = 10_000 } }, [], "legal", "limits were missing");

        var result = _harness.Engine.RetryIncident(graph, faulted, "legal", "limits fixed");

        Assert.Equal("gw", Assert.Single(result.History, h => h.Event == "IncidentRetried").ElementId);
        Assert.Equal(["bigCase"], result.Instance.ActiveElementIds);
    }

    [Fact]
    public void RetryIncident_AlsoStartsTheBranchesTheIncidentKeptFromStarting()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:serviceTask id="svc" caseflow:activity="FlakyActivity" caseflow:retries="0"><bpmn:extensionElements><caseflow:input name="fail" expression="broken" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="other" />
            <bpmn:endEvent id="end1" />
            <bpmn:endEvent id="end2" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "svc")}
            {Flow("f3", "fork", "other")}
            {Flow("f4", "svc", "end1")}
            {Flow("f5", "other", "end2")}
            """));
        var faulted = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;
        var stopped = faulted.IncidentTokens.Count;
        faulted.Variables["broken"] = false;

        var result = _harness.Engine.RetryIncident(graph, faulted, "admin", null);

        Assert.Equal(2, stopped);
        Assert.Equal(["other"], result.Instance.ActiveElementIds);
        Assert.Single(result.CreatedBookmarks, b => b.ElementId == "other");
    }

    [Fact]
    public void RetryIncident_Throws_WhenTheInstanceHasNoIncident()
    {
        var graph = _harness.Graph(SingleTask());
        var running = _harness.Start(graph).Instance;

        Assert.Throws<InstanceStateException>(() => _harness.Engine.RetryIncident(graph, running, "admin", null));
    }
}
