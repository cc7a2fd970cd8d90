using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Terminate, error and escalation end events (BPMN 2.0 §13.5.6), with error and escalation boundary events (§10.5.4).</summary>
public class EndEventTests
{
    private const string ThrowDefinitions = """
        <bpmn:error id="Err_invalid" name="Invalid" errorCode="CASE_INVALID" />
        <bpmn:error id="Err_other" name="Other" errorCode="OTHER" />
        <bpmn:escalation id="Esc_chief" name="Chief" escalationCode="TO_CHIEF" />
        """;

    private readonly EngineHarness _harness = new();

    private ExecutionResult Complete(Workflows.Bpmn.ProcessGraph graph, WorkflowInstanceState instance, string elementId, JsonObject? variables = null) =>
        _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, elementId).Id, variables, "handler1");

    [Fact(DisplayName = "Terminate end event at process level ends every token and withdraws every bookmark (BPMN 2.0 §13.5.6)")]
    public void TerminateEnd_EndsWholeInstance_WhenAtProcessLevel()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" />
            <bpmn:userTask id="b" />
            <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "fork")}
            {Flow("f2", "fork", "a")}
            {Flow("f3", "fork", "b")}
            {Flow("f4", "a", "kill")}
            {Flow("f5", "b", "end")}
            """));
        var instance = _harness.Start(graph).Instance;
        var b = EngineHarness.Single(instance, "b");

        var result = Complete(graph, instance, "a");

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.Empty(result.Instance.Tokens);
        Assert.Empty(result.Instance.Bookmarks);
        Assert.Contains(b.Id, result.RemovedBookmarkIds);
        Assert.Contains("InstanceTerminated", EngineHarness.Events(result));
    }

    [Fact(DisplayName = "Terminate end event inside a sub-process ends only the sub-process, which then continues (BPMN 2.0 §13.5.6)")]
    public void TerminateEnd_EndsOnlySubProcess_WhenInsideOne()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="a" />
              <bpmn:userTask id="b" />
              <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
              <bpmn:endEvent id="subEnd" />
              {Flow("s1", "subStart", "fork")}
              {Flow("s2", "fork", "a")}
              {Flow("s3", "fork", "b")}
              {Flow("s4", "a", "kill")}
              {Flow("s5", "b", "subEnd")}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sub")}
            {Flow("f2", "sub", "after")}
            {Flow("f3", "after", "end")}
            """));
        var instance = _harness.Start(graph).Instance;
        var b = EngineHarness.Single(instance, "b");

        var result = Complete(graph, instance, "a");

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Equal(["after"], result.Instance.ActiveElementIds);
        Assert.Contains(b.Id, result.RemovedBookmarkIds);
        Assert.Empty(result.Instance.Scopes);
        Assert.Contains("ScopeTerminated", EngineHarness.Events(result));
    }

    private static string Thrower(bool catchAll) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" />
          <bpmn:userTask id="check" />
          <bpmn:exclusiveGateway id="verdict" default="ok" />
          <bpmn:endEvent id="invalidEnd"><bpmn:errorEventDefinition errorRef="Err_invalid" /></bpmn:endEvent>
          <bpmn:endEvent id="otherEnd"><bpmn:errorEventDefinition errorRef="Err_other" /></bpmn:endEvent>
          <bpmn:endEvent id="subEnd" />
          {Flow("s1", "subStart", "check")}
          {Flow("s2", "check", "verdict")}
          {Flow("s3", "verdict", "invalidEnd", "outcome == 'invalid'")}
          {Flow("s4", "verdict", "otherEnd", "outcome == 'other'")}
          {Flow("ok", "verdict", "subEnd")}
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="onInvalid" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="Err_invalid" /></bpmn:boundaryEvent>
        {(catchAll ? """<bpmn:boundaryEvent id="onAny" attachedToRef="sub"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>""" : "")}
        <bpmn:userTask id="after" />
        <bpmn:userTask id="fixInvalid" />
        {(catchAll ? """<bpmn:userTask id="fixAny" />""" : "")}
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "sub")}
        {Flow("f2", "sub", "after")}
        {Flow("f3", "after", "end")}
        {Flow("f4", "fixInvalid", "end")}
        {(catchAll ? Flow("f5", "fixAny", "end") : "")}
        {Flow("b1", "onInvalid", "fixInvalid")}
        {(catchAll ? Flow("b2", "onAny", "fixAny") : "")}
        """, ThrowDefinitions);

    [Fact(DisplayName = "Error end event is caught by the error boundary with its errorCode (BPMN 2.0 §10.5.4, §13.5.6)")]
    public void ErrorEnd_CaughtByBoundaryWithMatchingCode_InterruptsSubProcess()
    {
        var graph = _harness.Graph(Thrower(catchAll: true));
        var instance = _harness.Start(graph).Instance;

        var result = Complete(graph, instance, "check", new JsonObject { ["outcome"] = "invalid" });

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Equal(["fixInvalid"], result.Instance.ActiveElementIds);
        Assert.Empty(result.Instance.Scopes);
        Assert.Contains(result.History, h => h.Event == "ErrorCaught" && h.ElementId == "onInvalid" && h.Details == "CASE_INVALID");
    }

    [Fact(DisplayName = "Error boundary without errorRef catches any error (BPMN 2.0 §10.5.4)")]
    public void ErrorEnd_CaughtByCatchAllBoundary_WhenNoCodeMatches()
    {
        var graph = _harness.Graph(Thrower(catchAll: true));
        var instance = _harness.Start(graph).Instance;

        var result = Complete(graph, instance, "check", new JsonObject { ["outcome"] = "other" });

        Assert.Equal(["fixAny"], result.Instance.ActiveElementIds);
        Assert.DoesNotContain(result.Instance.Bookmarks, b => b.ElementId == "check");
    }

    [Fact(DisplayName = "An error no boundary catches raises an UnhandledError incident (BPMN 2.0 §13.5.6)")]
    public void ErrorEnd_RaisesUnhandledErrorIncident_WhenNotCaught()
    {
        var graph = _harness.Graph(Thrower(catchAll: false));
        var instance = _harness.Start(graph).Instance;

        var result = Complete(graph, instance, "check", new JsonObject { ["outcome"] = "other" });

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal("UnhandledError", result.Instance.Incident!.Kind);
        Assert.Equal("otherEnd", result.Instance.Incident.ElementId);
        Assert.Contains("OTHER", result.Instance.Incident.Message, StringComparison.Ordinal);
    }

    private static string Escalating(bool interrupting) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="subStart" />
          <bpmn:parallelGateway id="fork" />
          <bpmn:userTask id="work" />
          <bpmn:endEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="Esc_chief" /></bpmn:endEvent>
          <bpmn:endEvent id="subEnd" />
          {Flow("s1", "subStart", "fork")}
          {Flow("s2", "fork", "work")}
          {Flow("s3", "fork", "escalate")}
          {Flow("s4", "work", "subEnd")}
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="toChief" attachedToRef="sub" cancelActivity="{(interrupting ? "true" : "false")}"><bpmn:escalationEventDefinition escalationRef="Esc_chief" /></bpmn:boundaryEvent>
        <bpmn:userTask id="chiefReview" />
        <bpmn:userTask id="after" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "sub")}
        {Flow("f2", "sub", "after")}
        {Flow("f3", "after", "end")}
        {Flow("f4", "toChief", "chiefReview")}
        {Flow("f5", "chiefReview", "end2")}
        """, ThrowDefinitions);

    [Fact(DisplayName = "Interrupting escalation boundary ends the sub-process and leaves through the boundary (BPMN 2.0 §10.5.4)")]
    public void EscalationEnd_CaughtByInterruptingBoundary_EndsSubProcess()
    {
        var result = _harness.Start(_harness.Graph(Escalating(interrupting: true)));

        Assert.Equal(["chiefReview"], result.Instance.ActiveElementIds);
        Assert.Empty(result.Instance.Scopes);
        Assert.Contains("EscalationCaught", EngineHarness.Events(result));
    }

    [Fact(DisplayName = "Non-interrupting escalation boundary starts a parallel path while the sub-process goes on (BPMN 2.0 §10.5.4)")]
    public void EscalationEnd_CaughtByNonInterruptingBoundary_SubProcessContinues()
    {
        var graph = _harness.Graph(Escalating(interrupting: false));
        var started = _harness.Start(graph).Instance;

        Assert.Equal(["chiefReview", "sub", "work"], started.ActiveElementIds.Order(StringComparer.Ordinal));

        var result = Complete(graph, started, "work");

        Assert.Equal(["after", "chiefReview"], result.Instance.ActiveElementIds.Order(StringComparer.Ordinal));
    }

    [Fact(DisplayName = "An uncaught escalation is only recorded; escalations are not errors (BPMN 2.0 §10.5.4)")]
    public void EscalationEnd_IsRecorded_WhenNotCaught()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="Esc_chief" /></bpmn:endEvent>
            {Flow("f1", "start", "work")}
            {Flow("f2", "work", "escalate")}
            """, ThrowDefinitions));
        var instance = _harness.Start(graph).Instance;

        var result = Complete(graph, instance, "work");

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.Contains(result.History, h => h.Event == "EscalationUncaught" && h.Details == "TO_CHIEF");
    }
}
