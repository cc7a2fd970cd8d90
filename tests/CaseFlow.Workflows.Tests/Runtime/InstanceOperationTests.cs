using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class InstanceOperationTests
{
    private readonly EngineHarness _harness = new();

    /// <summary>start → first (with a boundary timer) → second → end, plus a gateway to prove it is not a valid move target.</summary>
    private static string TwoTasks() => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="first" caseflow:candidateGroups="office-1" />
        <bpmn:boundaryEvent id="late" attachedToRef="first"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:exclusiveGateway id="gw" />
        <bpmn:userTask id="second" caseflow:candidateGroups="office-2" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="lateEnd" />
        {Flow("f1", "start", "first")}
        {Flow("f2", "first", "gw")}
        {Flow("f3", "gw", "second")}
        {Flow("f4", "second", "end")}
        {Flow("f5", "late", "lateEnd")}
        """);

    [Fact]
    public void Cancel_WithdrawsEveryBookmarkAndToken_AndRecordsWhoAndWhy()
    {
        var graph = _harness.Graph(TwoTasks());
        var instance = _harness.Start(graph).Instance;
        var open = instance.Bookmarks.Select(b => b.Id).ToList();

        var result = _harness.Engine.Cancel(graph, instance, "admin", "complaint withdrawn");

        Assert.Equal(InstanceStatus.Cancelled, result.Instance.Status);
        Assert.Empty(result.Instance.Tokens);
        Assert.Empty(result.Instance.Bookmarks);
        Assert.Equal(open.Order(), result.RemovedBookmarkIds.Order());
        var entry = Assert.Single(result.History);
        Assert.Equal(("InstanceCancelled", "admin", "complaint withdrawn"), (entry.Event, entry.Actor, entry.Reason));
    }

    [Fact]
    public void Cancel_ClearsTheIncident_OfAFaultedInstance_ButRefusesAnEndedOne()
    {
        var graph = _harness.Graph(ServiceTaskRetryTests.Flaky("""caseflow:retries="0" """));
        var faulted = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;

        var cancelled = _harness.Engine.Cancel(graph, faulted, "admin", "duplicate").Instance;

        Assert.Null(cancelled.Incident);
        Assert.Throws<InstanceNotRunningException>(() => _harness.Engine.Cancel(graph, cancelled, "admin", "again"));
    }

    [Fact]
    public void SetVariables_SetsAndRemoves_AndRecordsOnlyTheNames()
    {
        var graph = _harness.Graph(TwoTasks());
        var instance = _harness.Start(graph, new JsonObject { ["phone"] = "13800138000", ["officeId"] = "office-1" }).Instance;

        var result = _harness.Engine.SetVariables(graph, instance, new JsonObject { ["officeId"] = "office-2" }, ["phone"], "legal", "moved office");

        Assert.Equal("office-2", (string?)result.Instance.Variables["officeId"]);
        Assert.False(result.Instance.Variables.ContainsKey("phone"));
        var entry = Assert.Single(result.History);
        Assert.Equal(("VariablesChanged", "set officeId; removed phone", "legal", "moved office"), (entry.Event, entry.Details, entry.Actor, entry.Reason));
        Assert.Empty(result.CreatedBookmarks);
    }

    [Fact]
    public void SetVariables_Refuses_ANameThatIsBothSetAndRemoved()
    {
        var graph = _harness.Graph(TwoTasks());
        var instance = _harness.Start(graph).Instance;

        var error = Assert.Throws<InvalidModificationException>(() =>
            _harness.Engine.SetVariables(graph, instance, new JsonObject { ["x"] = 1 }, ["x"], "legal", "why"));

        Assert.Equal("remove", error.Field);
    }

    [Fact]
    public void MoveToken_WithdrawsTheTaskAndItsTimers_AndEntersTheTargetFresh()
    {
        var graph = _harness.Graph(TwoTasks());
        var instance = _harness.Start(graph).Instance;
        var withdrawn = instance.Bookmarks.Select(b => b.Id).ToList();

        var result = _harness.Engine.MoveToken(graph, instance, "first", "second", "admin", "skip the review");

        Assert.Equal(["second"], result.Instance.ActiveElementIds);
        Assert.Equal(withdrawn.Order(), result.RemovedBookmarkIds.Order());
        var created = Assert.Single(result.CreatedBookmarks);
        Assert.Equal(("second", BookmarkKind.UserTask), (created.ElementId, created.Kind));
        Assert.Equal(["office-2"], created.Task!.CandidateGroups);
        var moved = Assert.Single(result.History, h => h.Event == "TokenMoved");
        Assert.Equal(("admin", "skip the review"), (moved.Actor, moved.Reason));
    }

    [Theory]
    [InlineData("nowhere", "second", "fromElementId")]
    [InlineData("second", "first", "fromElementId")]
    [InlineData("first", "nowhere", "toElementId")]
    [InlineData("first", "gw", "toElementId")]
    [InlineData("first", "end", "toElementId")]
    public void MoveToken_Refuses_NamingTheBadField(string from, string to, string field)
    {
        var graph = _harness.Graph(TwoTasks());
        var instance = _harness.Start(graph).Instance;

        var error = Assert.Throws<InvalidModificationException>(() => _harness.Engine.MoveToken(graph, instance, from, to, "admin", "why"));

        Assert.Equal(field, error.Field);
        Assert.Equal(["first"], instance.ActiveElementIds);
    }

    [Fact]
    public void MoveToken_ResolvesTheIncident_WhenMovingAwayFromTheFailedElement()
    {
        var graph = _harness.Graph(ServiceTaskRetryTests.Flaky("""caseflow:retries="0" """));
        var faulted = _harness.Start(graph, new JsonObject { ["broken"] = true }).Instance;

        var result = _harness.Engine.MoveToken(graph, faulted, "svc", "review", "admin", "done by hand");

        Assert.Equal(InstanceStatus.Running, result.Instance.Status);
        Assert.Null(result.Instance.Incident);
        Assert.Equal(["review"], result.Instance.ActiveElementIds);
    }
}
