using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class SerializationTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly EngineHarness _harness = new();

    private static WorkflowInstanceState RoundTrip(WorkflowInstanceState instance) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(JsonSerializer.Serialize(instance, Json), Json)!;

    [Fact]
    public void InstanceState_RoundTripsThroughJson_AndContinues()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" caseflow:candidateGroups="office-1" caseflow:outcomes="ok" caseflow:dueIn="3wd" caseflow:requiredVariables="ok:note,score" />
            <bpmn:boundaryEvent id="late" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="Msg_reply" /></bpmn:intermediateCatchEvent>
            <bpmn:parallelGateway id="join" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="lateEnd" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "a")}
            {Flow("f3", "fork", "reply")}
            {Flow("f4", "a", "join")}
            {Flow("f5", "reply", "join")}
            {Flow("f6", "join", "end")}
            {Flow("f7", "late", "lateEnd")}
            """, """<bpmn:message id="Msg_reply" name="reply" />"""));
        var started = _harness.Start(graph, new JsonObject { ["amount"] = 12.5, ["tags"] = new JsonArray("a") });
        var afterMessage = _harness.Engine.DeliverMessage(graph, started.Instance, EngineHarness.Single(started.Instance, "reply").Id, null).Instance;

        var restored = RoundTrip(afterMessage);

        Assert.Equal(afterMessage.Id, restored.Id);
        Assert.Equal(InstanceStatus.Running, restored.Status);
        Assert.Equal(afterMessage.Tokens, restored.Tokens);
        Assert.Equal(afterMessage.JoinArrivals["join"], restored.JoinArrivals["join"]);
        Assert.Equal(12.5, (double)restored.Variables["amount"]!);
        var task = EngineHarness.Single(restored, "a");
        Assert.Equal(["office-1"], task.Task!.CandidateGroups);
        Assert.Equal(["note", "score"], task.Task.RequiredVariables["ok"]);
        Assert.Equal(EngineHarness.Single(afterMessage, "a").Task!.DueAt, task.Task.DueAt);
        Assert.Equal(EngineHarness.Single(afterMessage, "late"), EngineHarness.Single(restored, "late"));

        var completed = _harness.Engine.CompleteUserTask(graph, restored, task.Id, new JsonObject { ["outcome"] = "ok" }, "handler1");

        Assert.Equal(InstanceStatus.Completed, completed.Instance.Status);
        Assert.Empty(completed.Instance.Bookmarks);
    }

    [Fact(DisplayName = "Instance state with sub-process scopes, scoped tokens and timer cycles round-trips through JSON and continues")]
    public void InstanceState_RoundTripsScopesAndCycles_AndContinues()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:userTask id="work" />
              <bpmn:boundaryEvent id="remind" attachedToRef="work" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT2S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:endEvent id="subEnd" />
              <bpmn:endEvent id="reminded" />
              {Flow("s1", "subStart", "work")}
              {Flow("s2", "work", "subEnd")}
              {Flow("s3", "remind", "reminded")}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sub")}
            {Flow("f2", "sub", "after")}
            {Flow("f3", "after", "end")}
            """));
        var started = _harness.Start(graph).Instance;
        var fired = _harness.Engine.FireTimer(graph, started, EngineHarness.Single(started, "remind").Id).Instance;

        var json = JsonSerializer.Serialize(fired, Json);
        var restored = RoundTrip(fired);

        Assert.Contains("\"scopes\":[{", json, StringComparison.Ordinal);
        Assert.Equal(fired.Scopes, restored.Scopes);
        Assert.Equal(fired.Tokens, restored.Tokens);
        Assert.NotNull(Assert.Single(restored.Tokens, t => t.ElementId == "work").ScopeId);
        var cycle = EngineHarness.Single(restored, "remind");
        Assert.Equal(EngineHarness.Single(fired, "remind"), cycle);
        Assert.Equal("R3/PT2S", cycle.Cycle);
        Assert.Equal(2, cycle.RemainingRepetitions);

        var next = _harness.Engine.FireTimer(graph, restored, cycle.Id);
        Assert.Equal(1, Assert.Single(next.CreatedBookmarks, b => b.ElementId == "remind").RemainingRepetitions);
        var completed = _harness.Engine.CompleteUserTask(graph, restored, EngineHarness.Single(restored, "work").Id, null, "handler1");

        Assert.Equal(["after"], completed.Instance.ActiveElementIds);
        Assert.Empty(completed.Instance.Scopes);
    }

    [Fact]
    public void InstanceState_SerializesEnumsAsStringsAndIncident()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="f3" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("f2", "gw", "end", "missing.value")}
            {Flow("f3", "gw", "end")}
            """));
        var faulted = _harness.Start(graph).Instance;

        var json = JsonSerializer.Serialize(faulted, Json);
        var restored = RoundTrip(faulted);

        Assert.Contains("\"status\":\"Faulted\"", json, StringComparison.Ordinal);
        Assert.Equal(faulted.Incident, restored.Incident);
        Assert.Equal(InstanceStatus.Faulted, restored.Status);
    }
}
