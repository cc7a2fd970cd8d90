using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Embedded sub-process, BPMN 2.0 §10.3.5 and §13.3.4: a scope that completes when empty; boundaries on it.</summary>
public class SubProcessTests
{
    private readonly EngineHarness _harness = new();

    private static string Investigation(string boundary = "") => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="investigate" name="Investigate">
          <bpmn:incoming>f1</bpmn:incoming>
          <bpmn:startEvent id="subStart" />
          <bpmn:parallelGateway id="fork" />
          <bpmn:userTask id="inspect" />
          <bpmn:userTask id="interview" />
          <bpmn:parallelGateway id="join" />
          <bpmn:endEvent id="subEnd" />
          {Flow("s1", "subStart", "fork")}
          {Flow("s2", "fork", "inspect")}
          {Flow("s3", "fork", "interview")}
          {Flow("s4", "inspect", "join")}
          {Flow("s5", "interview", "join")}
          {Flow("s6", "join", "subEnd")}
        </bpmn:subProcess>
        {boundary}
        <bpmn:userTask id="decide" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "investigate")}
        {Flow("f2", "investigate", "decide")}
        {Flow("f3", "decide", "end")}
        """);

    private const string LateBoundary = """
        <bpmn:boundaryEvent id="late" attachedToRef="investigate">
          <bpmn:timerEventDefinition><bpmn:timeDuration>30d</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="extend" />
        <bpmn:endEvent id="endLate" />
        <bpmn:sequenceFlow id="l1" sourceRef="late" targetRef="extend" />
        <bpmn:sequenceFlow id="l2" sourceRef="extend" targetRef="endLate" />
        """;

    [Fact(DisplayName = "Entering a sub-process creates a scope for the tokens inside it (BPMN 2.0 §13.3.4)")]
    public void SubProcess_CreatesScope_WhenEntered()
    {
        var graph = _harness.Graph(Investigation());

        var instance = _harness.Start(graph).Instance;

        var scope = Assert.Single(instance.Scopes);
        Assert.Equal("investigate", scope.ElementId);
        Assert.Equal(["inspect", "interview", "investigate"], instance.ActiveElementIds.Order(StringComparer.Ordinal));
        Assert.All(instance.Tokens.Where(t => t.ElementId != "investigate"), t => Assert.Equal(scope.Id, t.ScopeId));
        Assert.Null(instance.Tokens.Single(t => t.ElementId == "investigate").ScopeId);
        Assert.Equal("Investigate", graph.GetElementName("investigate"));
        Assert.Null(graph.GetElementName("inspect"));
    }

    [Fact(DisplayName = "A sub-process completes when no token remains inside, then continues along its outgoing flow (BPMN 2.0 §13.3.4)")]
    public void SubProcess_CompletesThenContinues_WhenScopeEmpty()
    {
        var graph = _harness.Graph(Investigation());
        var instance = _harness.Start(graph).Instance;

        var first = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "inspect").Id, null, "h");
        Assert.Equal(["interview", "investigate"], first.Instance.ActiveElementIds.Order(StringComparer.Ordinal));

        var second = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "interview").Id, null, "h");

        Assert.Equal(["decide"], second.Instance.ActiveElementIds);
        Assert.Empty(second.Instance.Scopes);
        Assert.Contains("SubProcessCompleted", EngineHarness.Events(second));
    }

    [Fact(DisplayName = "An interrupting timer on a sub-process withdraws every task and token inside it (BPMN 2.0 §10.5.4, §13.3.4)")]
    public void SubProcess_BoundaryTimerWithdrawsInnerTasks_WhenInterrupting()
    {
        var graph = _harness.Graph(Investigation(LateBoundary));
        var started = _harness.Start(graph).Instance;
        var inspect = EngineHarness.Single(started, "inspect");
        var interview = EngineHarness.Single(started, "interview");
        var late = EngineHarness.Single(started, "late");
        Assert.Equal(started.Tokens.Single(t => t.ElementId == "investigate").Id, late.TokenId);

        var result = _harness.Engine.FireTimer(graph, started, late.Id);

        Assert.Equal(["extend"], result.Instance.ActiveElementIds);
        Assert.Contains(inspect.Id, result.RemovedBookmarkIds);
        Assert.Contains(interview.Id, result.RemovedBookmarkIds);
        Assert.Empty(result.Instance.Scopes);
        Assert.Contains("ActivityCancelled", EngineHarness.Events(result));
    }

    [Fact(DisplayName = "Boundary bookmarks of a sub-process are withdrawn when it completes (BPMN 2.0 §13.5.5)")]
    public void SubProcess_WithdrawsBoundaryTimer_WhenCompleted()
    {
        var graph = _harness.Graph(Investigation(LateBoundary));
        var instance = _harness.Start(graph).Instance;
        var late = EngineHarness.Single(instance, "late");
        _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "inspect").Id, null, "h");

        var result = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "interview").Id, null, "h");

        Assert.Contains(late.Id, result.RemovedBookmarkIds);
        Assert.Equal(["decide"], result.Instance.ActiveElementIds);
    }

    [Fact(DisplayName = "A sub-process nested in a sub-process runs in a child scope (BPMN 2.0 §10.3.5)")]
    public void SubProcess_RunsNestedScope_WhenNested()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="outer">
              <bpmn:startEvent id="outerStart" />
              <bpmn:subProcess id="inner">
                <bpmn:startEvent id="innerStart" />
                <bpmn:userTask id="work" />
                <bpmn:endEvent id="innerEnd" />
                {Flow("i1", "innerStart", "work")}
                {Flow("i2", "work", "innerEnd")}
              </bpmn:subProcess>
              <bpmn:endEvent id="outerEnd" />
              {Flow("o1", "outerStart", "inner")}
              {Flow("o2", "inner", "outerEnd")}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "outer")}
            {Flow("f2", "outer", "end")}
            """));
        var instance = _harness.Start(graph).Instance;

        Assert.Equal(2, instance.Scopes.Count);
        var outer = instance.Scopes.Single(s => s.ElementId == "outer");
        Assert.Equal(outer.Id, instance.Scopes.Single(s => s.ElementId == "inner").ParentId);

        var result = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "work").Id, null, "h");

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.Empty(result.Instance.Scopes);
    }

    [Fact(DisplayName = "An instance starts at the process's start event, never at a sub-process's inner one (BPMN 2.0 §10.3.5)")]
    public void SubProcess_InnerStartIsNotAProcessStart_WhenDrawnFirst()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:userTask id="inner" />
              <bpmn:endEvent id="subEnd" />
              {Flow("s1", "subStart", "inner")}
              {Flow("s2", "inner", "subEnd")}
            </bpmn:subProcess>
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="Msg_new" /></bpmn:startEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "byMessage", "sub")}
            {Flow("f2", "sub", "end")}
            """, """<bpmn:message id="Msg_new" name="newComplaint" />"""));

        Assert.False(graph.HasNoneStart);
        Assert.Equal(["newComplaint"], graph.MessageStartNames);
        Assert.Throws<InvalidOperationException>(() => _harness.Start(graph));
        Assert.Equal(["inner", "sub"], _harness.Start(graph, message: "newComplaint").Instance.ActiveElementIds.Order(StringComparer.Ordinal));
    }

    [Fact(DisplayName = "An inclusive join inside a sub-process counts only tokens of its scope, and the sub-process then completes (BPMN 2.0 §13.3.2, §13.3.4)")]
    public void SubProcess_InclusiveJoinInsideScope_FiresAndCompletes()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="split" />
            <bpmn:userTask id="outside" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:inclusiveGateway id="fork" />
              <bpmn:userTask id="a" />
              <bpmn:userTask id="b" />
              <bpmn:inclusiveGateway id="join" />
              <bpmn:endEvent id="subEnd" />
              {Flow("s1", "subStart", "fork")}
              {Flow("s2", "fork", "a", "true")}
              {Flow("s3", "fork", "b", "false")}
              {Flow("s4", "a", "join")}
              {Flow("s5", "b", "join")}
              {Flow("s6", "join", "subEnd")}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "split")}
            {Flow("f2", "split", "outside")}
            {Flow("f3", "split", "sub")}
            {Flow("f4", "outside", "end")}
            {Flow("f5", "sub", "end")}
            """));
        var instance = _harness.Start(graph).Instance;

        var result = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "a").Id, null, "h");

        Assert.Equal(["outside"], result.Instance.ActiveElementIds);
        Assert.Empty(result.Instance.Scopes);
        Assert.Empty(result.Instance.JoinArrivals);
    }

    [Fact(DisplayName = "An error from a nested sub-process propagates to the outer sub-process's boundary (BPMN 2.0 §10.5.4)")]
    public void SubProcess_ErrorPropagatesToOuterBoundary_WhenInnerHasNone()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="outer">
              <bpmn:startEvent id="outerStart" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="sibling" />
              <bpmn:subProcess id="inner">
                <bpmn:startEvent id="innerStart" />
                <bpmn:userTask id="work" />
                <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Err_x" /></bpmn:endEvent>
                {Flow("i1", "innerStart", "work")}
                {Flow("i2", "work", "fail")}
              </bpmn:subProcess>
              <bpmn:endEvent id="outerEnd" />
              {Flow("o1", "outerStart", "fork")}
              {Flow("o2", "fork", "sibling")}
              {Flow("o3", "fork", "inner")}
              {Flow("o4", "sibling", "outerEnd")}
              {Flow("o5", "inner", "outerEnd")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="outer"><bpmn:errorEventDefinition errorRef="Err_x" /></bpmn:boundaryEvent>
            <bpmn:userTask id="repair" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "outer")}
            {Flow("f2", "outer", "end")}
            {Flow("f3", "caught", "repair")}
            {Flow("f4", "repair", "end")}
            """, """<bpmn:error id="Err_x" errorCode="X" />"""));
        var instance = _harness.Start(graph).Instance;
        var sibling = EngineHarness.Single(instance, "sibling");

        var result = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "work").Id, null, "h");

        Assert.Equal(["repair"], result.Instance.ActiveElementIds);
        Assert.Contains(sibling.Id, result.RemovedBookmarkIds);
        Assert.Empty(result.Instance.Scopes);
    }
}
