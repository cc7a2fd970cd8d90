using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class UserTaskTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public void UserTask_CreatesBookmarkWithEvaluatedQueueInformation()
    {
        var graph = _harness.Graph(SingleTask("""caseflow:candidateGroups="supervisors, ${'office-' + officeId}" caseflow:assignee="${handler}" caseflow:outcomes="accept, refuse" caseflow:dueIn="7wd" """));

        var result = _harness.Start(graph, new JsonObject { ["officeId"] = 2, ["handler"] = "handler2" });

        var bookmark = Assert.Single(result.CreatedBookmarks);
        Assert.Equal(BookmarkKind.UserTask, bookmark.Kind);
        Assert.Equal("task", bookmark.ElementId);
        var task = bookmark.Task!;
        Assert.Equal("Review", task.Name);
        Assert.Equal(["supervisors", "office-2"], task.CandidateGroups);
        Assert.Equal("handler2", task.Assignee);
        Assert.Equal(["accept", "refuse"], task.Outcomes);
        Assert.Equal("7wd", task.DueIn);

        // Monday 2026-03-02 + 7 working days (start day not counted) = Wednesday 2026-03-11, end of day Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 23, 59, 59, TimeSpan.FromHours(8)), task.DueAt);
        Assert.Equal(["InstanceStarted", "ElementEntered", "ElementCompleted", "ElementEntered", "TaskCreated"], EngineHarness.Events(result));
        Assert.All(result.History, h => Assert.Equal(EngineHarness.StartTime, h.At));
    }

    [Fact]
    public void UserTask_AcceptsArrayFromCandidateGroupExpression()
    {
        var graph = _harness.Graph(SingleTask("""caseflow:candidateGroups="${groups}" """));

        var result = _harness.Start(graph, new JsonObject { ["groups"] = new JsonArray("legal", "chief") });

        Assert.Equal(["legal", "chief"], Assert.Single(result.CreatedBookmarks).Task!.CandidateGroups);
    }

    [Fact]
    public void CompleteUserTask_MergesVariablesAndCompletesInstance()
    {
        var graph = _harness.Graph(SingleTask());
        var instance = _harness.Start(graph).Instance;
        var bookmark = EngineHarness.Single(instance, "task");
        _harness.Time.Advance(TimeSpan.FromHours(2));

        var result = _harness.Engine.CompleteUserTask(graph, instance, bookmark.Id, new JsonObject { ["outcome"] = "accept", ["note"] = "ok" }, "handler1");

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.Equal("accept", (string?)result.Instance.Variables["outcome"]);
        Assert.Equal("ok", (string?)result.Instance.Variables["note"]);
        Assert.Equal([bookmark.Id], result.RemovedBookmarkIds);
        Assert.Empty(result.Instance.Tokens);
        var completed = Assert.Single(result.History, h => h.Event == "TaskCompleted");
        Assert.Equal("handler1", completed.Actor);
        Assert.Equal(EngineHarness.StartTime.AddHours(2), completed.At);
        Assert.Equal("InstanceCompleted", result.History[^1].Event);
    }

    [Fact]
    public void CompleteUserTask_Throws_WhenCompletedTwice()
    {
        var graph = _harness.Graph(SingleTask());
        var instance = _harness.Start(graph).Instance;
        var bookmark = EngineHarness.Single(instance, "task");
        var twoTasks = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task" />
            <bpmn:userTask id="second" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "task")}
            {Flow("f2", "task", "second")}
            {Flow("f3", "second", "end")}
            """));
        var running = _harness.Start(twoTasks).Instance;
        var first = EngineHarness.Single(running, "task");
        _harness.Engine.CompleteUserTask(twoTasks, running, first.Id, null, "handler1");

        var ex = Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.CompleteUserTask(twoTasks, running, first.Id, null, "handler1"));

        Assert.Equal(first.Id, ex.BookmarkId);
        _harness.Engine.CompleteUserTask(graph, instance, bookmark.Id, null, null);
        Assert.Throws<InstanceNotRunningException>(() => _harness.Engine.CompleteUserTask(graph, instance, bookmark.Id, null, null));
    }

    [Fact]
    public void CompleteUserTask_Throws_ForTimerBookmarkId()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "end")}
            """));
        var instance = _harness.Start(graph).Instance;

        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.CompleteUserTask(graph, instance, instance.Bookmarks[0].Id, null, null));
    }

    [Theory]
    [InlineData("accept", "accepted")]
    [InlineData("refuse", "refused")]
    public void CompleteUserTask_RoutesOnOutcomeVariable(string outcome, string expectedTask)
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="decide" caseflow:outcomes="accept,refuse" />
            <bpmn:exclusiveGateway id="gw" default="toRefused" />
            <bpmn:userTask id="accepted" />
            <bpmn:userTask id="refused" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "decide")}
            {Flow("f2", "decide", "gw")}
            {Flow("toAccepted", "gw", "accepted", "outcome == 'accept'")}
            {Flow("toRefused", "gw", "refused")}
            {Flow("f5", "accepted", "end")}
            {Flow("f6", "refused", "end")}
            """));
        var instance = _harness.Start(graph).Instance;

        var result = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "decide").Id, new JsonObject { ["outcome"] = outcome }, "intake");

        Assert.Equal([expectedTask], result.Instance.ActiveElementIds);
    }
}
