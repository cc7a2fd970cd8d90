using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Call activity, BPMN 2.0 §10.3.6: a bookmark and a start-child effect; the child's completion resumes the parent.</summary>
public class CallActivityTests
{
    private readonly EngineHarness _harness = new();

    private static string Caller(string attributes = "", string mappings = "", string boundary = "") => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="inspect" name="Inspect" calledElement="inspection" {attributes}>
          <bpmn:extensionElements>{mappings}</bpmn:extensionElements>
        </bpmn:callActivity>
        {boundary}
        <bpmn:userTask id="decide" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "inspect")}
        {Flow("f2", "inspect", "decide")}
        {Flow("f3", "decide", "end")}
        """);

    private const string Mappings = """
        <caseflow:in source="caseNumber" target="number" />
        <caseflow:in sourceExpression="amount * 2" target="doubled" />
        <caseflow:in source="notThere" target="missing" />
        <caseflow:out source="finding" target="inspectionFinding" />
        <caseflow:out sourceExpression="'checked ' + number" target="summary" />
        """;

    private const string LateBoundary = """
        <bpmn:boundaryEvent id="late" attachedToRef="inspect">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="endLate" />
        <bpmn:sequenceFlow id="l1" sourceRef="late" targetRef="endLate" />
        """;

    [Fact(DisplayName = "Entering a call activity waits on a call-activity bookmark and asks for the child with the in-mapped variables")]
    public void CallActivity_WaitsAndRequestsChild_WithMappedVariables()
    {
        var graph = _harness.Graph(Caller("caseflow:version=\"3\"", Mappings));

        var result = _harness.Start(graph, new JsonObject { ["caseNumber"] = "C-1", ["amount"] = 21, ["secret"] = "x" });

        var bookmark = EngineHarness.Single(result.Instance, "inspect");
        Assert.Equal(BookmarkKind.CallActivity, bookmark.Kind);
        Assert.Equal(("inspection", 3), (bookmark.CalledProcessKey, bookmark.CalledProcessVersion));
        var effect = Assert.IsType<StartChildInstanceEffect>(Assert.Single(result.Effects));
        Assert.Equal((bookmark.Id, "inspection", (int?)3), (effect.BookmarkId, effect.ProcessKey, effect.Version));
        Assert.Equal("""{"number":"C-1","doubled":42}""", effect.Variables.ToJsonString());
        Assert.Equal(["inspect"], result.Instance.ActiveElementIds);
    }

    [Fact(DisplayName = "Without caseflow:in the child receives every parent variable; without a pin it calls the latest version")]
    public void CallActivity_PassesAllVariables_WithoutInMappings()
    {
        var graph = _harness.Graph(Caller());

        var effect = Assert.IsType<StartChildInstanceEffect>(Assert.Single(_harness.Start(graph, new JsonObject { ["a"] = 1, ["b"] = "two" }).Effects));

        Assert.Equal("""{"a":1,"b":"two"}""", effect.Variables.ToJsonString());
        Assert.Null(effect.Version);
    }

    [Fact(DisplayName = "Completing the call activity copies the out-mappings back and continues")]
    public void CompleteCallActivity_AppliesOutMappings_AndContinues()
    {
        var graph = _harness.Graph(Caller(mappings: Mappings));
        var instance = _harness.Start(graph, new JsonObject { ["caseNumber"] = "C-1", ["amount"] = 1 }).Instance;
        var bookmark = EngineHarness.Single(instance, "inspect");

        var result = _harness.Engine.CompleteCallActivity(graph, instance, bookmark.Id, new JsonObject { ["finding"] = "ok", ["number"] = "C-1", ["other"] = 5 });

        Assert.Equal(["decide"], result.Instance.ActiveElementIds);
        Assert.Contains(bookmark.Id, result.RemovedBookmarkIds);
        Assert.Equal("ok", (string)result.Instance.Variables["inspectionFinding"]!);
        Assert.Equal("checked C-1", (string)result.Instance.Variables["summary"]!);
        Assert.False(result.Instance.Variables.ContainsKey("other"));
        Assert.Contains("CallActivityCompleted", EngineHarness.Events(result));
        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.CompleteCallActivity(graph, instance, bookmark.Id, []));
    }

    [Fact(DisplayName = "An interrupting boundary timer on a call activity withdraws its bookmark (the server then cancels the child)")]
    public void CallActivity_BoundaryTimerWithdrawsBookmark_WhenInterrupting()
    {
        var graph = _harness.Graph(Caller(boundary: LateBoundary));
        var instance = _harness.Start(graph).Instance;
        var call = EngineHarness.Single(instance, "inspect");

        var result = _harness.Engine.FireTimer(graph, instance, EngineHarness.Single(instance, "late").Id);

        Assert.Contains(call.Id, result.RemovedBookmarkIds);
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Fact(DisplayName = "Cancelling the parent withdraws the call-activity bookmark")]
    public void Cancel_WithdrawsCallActivityBookmark()
    {
        var graph = _harness.Graph(Caller());
        var instance = _harness.Start(graph).Instance;
        var call = EngineHarness.Single(instance, "inspect");

        var result = _harness.Engine.Cancel(graph, instance, "admin", "withdrawn");

        Assert.Contains(call.Id, result.RemovedBookmarkIds);
    }

    [Fact(DisplayName = "A child that cannot be started raises an incident on the call activity; retrying calls again")]
    public void FailCallActivity_RaisesIncident_AndRetryCallsAgain()
    {
        var graph = _harness.Graph(Caller());
        var instance = _harness.Start(graph).Instance;
        var call = EngineHarness.Single(instance, "inspect");

        var failed = _harness.Engine.FailCallActivity(graph, instance, call.Id, "no version");
        Assert.Equal(InstanceStatus.Faulted, failed.Instance.Status);
        Assert.Equal(("inspect", "CallActivityFailed"), (failed.Instance.Incident!.ElementId, failed.Instance.Incident.Kind));

        var retried = _harness.Engine.RetryIncident(graph, instance, "admin", "published now");

        Assert.Equal(InstanceStatus.Running, retried.Instance.Status);
        Assert.IsType<StartChildInstanceEffect>(Assert.Single(retried.Effects));
        Assert.NotEqual(call.Id, EngineHarness.Single(retried.Instance, "inspect").Id);
    }

    [Fact(DisplayName = "An error the child did not catch is caught by an error boundary on the call activity (BPMN 2.0 §10.3.6)")]
    public void CatchFromCallActivity_InterruptsOnError_AndIgnoresUncaughtCodes()
    {
        var graph = _harness.Graph(Caller(boundary: """
            <bpmn:boundaryEvent id="caught" attachedToRef="inspect"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="endError" />
            <bpmn:sequenceFlow id="e1f" sourceRef="caught" targetRef="endError" />
            """).Replace("<bpmn:process", """<bpmn:error id="e1" errorCode="VIOLATION" /><bpmn:process""", StringComparison.Ordinal));
        var instance = _harness.Start(graph).Instance;
        var call = EngineHarness.Single(instance, "inspect");

        var other = _harness.Engine.CatchFromCallActivity(graph, instance, call.Id, isError: true, "OTHER");
        Assert.Empty(other.RemovedBookmarkIds);

        var caught = _harness.Engine.CatchFromCallActivity(graph, instance, call.Id, isError: true, "VIOLATION");

        Assert.Contains(call.Id, caught.RemovedBookmarkIds);
        Assert.Contains("ErrorCaught", EngineHarness.Events(caught));
        Assert.Equal(InstanceStatus.Completed, caught.Instance.Status);
    }

    [Theory(DisplayName = "Call activities without a called process or with malformed mappings are refused, naming the element")]
    [InlineData("", "", "calledElement")]
    [InlineData("calledElement=\"inspection\"", "<caseflow:in target=\"x\" />", "caseflow:in")]
    [InlineData("calledElement=\"inspection\"", "<caseflow:out source=\"a\" sourceExpression=\"b\" target=\"x\" />", "caseflow:out")]
    [InlineData("calledElement=\"inspection\"", "<caseflow:in source=\"a\" to=\"x\" />", "caseflow:in")]
    [InlineData("calledElement=\"inspection\" caseflow:version=\"latest\"", "", "caseflow:version")]
    [InlineData("calledElement=\"inspection\"", "<caseflow:input name=\"a\" value=\"b\" />", "input")]
    public void CallActivity_IsRefused_WhenMalformed(string attributes, string mappings, string mentioned)
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="call" {attributes}><bpmn:extensionElements>{mappings}</bpmn:extensionElements></bpmn:callActivity>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "call")}
            {Flow("f2", "call", "end")}
            """);

        var result = _harness.Parser.Parse(xml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("call", error.ElementId);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "The graph lists its call activities' targets for the server's existence check")]
    public void Graph_ListsCalledProcesses()
    {
        var graph = _harness.Graph(Caller("caseflow:version=\"2\""));

        Assert.Equal([new("inspect", "inspection", 2)], graph.CalledProcesses);
    }
}
