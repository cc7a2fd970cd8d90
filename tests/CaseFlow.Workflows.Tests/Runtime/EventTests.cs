using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class EventTests
{
    private const string Messages = """<bpmn:message id="Msg_reply" name="complainantReply" /><bpmn:message id="Msg_new" name="newComplaint" />""";

    private readonly EngineHarness _harness = new();

    private static string Timer(string definition) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>{definition}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="next" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "wait")}
        {Flow("f2", "wait", "next")}
        {Flow("f3", "next", "end")}
        """);

    [Fact]
    public void TimerCatch_WaitsOnTimerBookmark_AndContinuesWhenFired()
    {
        var graph = _harness.Graph(Timer("<bpmn:timeDuration>PT5S</bpmn:timeDuration>"));
        var instance = _harness.Start(graph).Instance;
        var timer = EngineHarness.Single(instance, "wait");

        Assert.Equal(BookmarkKind.Timer, timer.Kind);
        Assert.Equal(EngineHarness.StartTime.AddSeconds(5), timer.DueAt);

        var fired = _harness.Engine.FireTimer(graph, instance, timer.Id);

        Assert.Equal(["next"], fired.Instance.ActiveElementIds);
        Assert.Contains(timer.Id, fired.RemovedBookmarkIds);
        Assert.Contains("TimerFired", EngineHarness.Events(fired));
        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.FireTimer(graph, instance, timer.Id));
    }

    [Fact]
    public void TimerCatch_UsesBusinessCalendar_ForCalendarDays()
    {
        var graph = _harness.Graph(Timer("<bpmn:timeDuration>5d</bpmn:timeDuration>"));

        var timer = Assert.Single(_harness.Start(graph).CreatedBookmarks);

        // Monday + 5 calendar days = Saturday, rolled to Monday 2026-03-09.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 23, 59, 59, TimeSpan.FromHours(8)), timer.DueAt);
    }

    [Fact]
    public void TimerCatch_AcceptsTimeDate()
    {
        var graph = _harness.Graph(Timer("<bpmn:timeDate>2026-05-01T09:00:00+08:00</bpmn:timeDate>"));

        var timer = Assert.Single(_harness.Start(graph).CreatedBookmarks);

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), timer.DueAt);
    }

    [Fact]
    public void MessageCatch_SubscribesWithBusinessKey_AndMergesMessageVariables()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="Msg_reply" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "reply")}
            {Flow("f2", "reply", "end")}
            """, Messages));
        var instance = _harness.Start(graph, businessKey: "C-2026-0042").Instance;
        var subscription = EngineHarness.Single(instance, "reply");

        Assert.Equal(BookmarkKind.Message, subscription.Kind);
        Assert.Equal("complainantReply", subscription.MessageName);
        Assert.Equal("C-2026-0042", subscription.CorrelationKey);

        var result = _harness.Engine.DeliverMessage(graph, instance, subscription.Id, new JsonObject { ["satisfied"] = true });

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.True((bool)result.Instance.Variables["satisfied"]!);
        Assert.Contains("MessageReceived", EngineHarness.Events(result));
    }

    [Fact]
    public void MessageCatch_UsesCorrelationKeyExpression()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="reply" caseflow:correlationKey="${'{'}'ticket-' + ticket{'}'}"><bpmn:messageEventDefinition messageRef="Msg_reply" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "reply")}
            {Flow("f2", "reply", "end")}
            """, Messages));

        var bookmark = Assert.Single(_harness.Start(graph, new JsonObject { ["ticket"] = 7 }).CreatedBookmarks);

        Assert.Equal("ticket-7", bookmark.CorrelationKey);
    }

    [Fact]
    public void MessageStart_StartsAtMatchingMessageStartEvent()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="Msg_new" /></bpmn:startEvent>
            <bpmn:userTask id="manual" />
            <bpmn:userTask id="fromMessage" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "manual")}
            {Flow("f2", "byMessage", "fromMessage")}
            {Flow("f3", "manual", "end")}
            {Flow("f4", "fromMessage", "end")}
            """, Messages));

        Assert.Equal(["newComplaint"], graph.MessageStartNames);
        Assert.Equal(["fromMessage"], _harness.Start(graph, message: "newComplaint").Instance.ActiveElementIds);
        Assert.Equal(["manual"], _harness.Start(graph).Instance.ActiveElementIds);
        Assert.Throws<InvalidOperationException>(() => _harness.Start(graph, message: "unknown"));
    }

    private static string Boundary(bool interrupting) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="handle" caseflow:dueIn="7wd" />
        <bpmn:boundaryEvent id="late" attachedToRef="handle" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="veryLate" attachedToRef="handle">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="escalate" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "handle")}
        {Flow("f2", "handle", "end")}
        {Flow("f3", "late", "escalate")}
        {Flow("f4", "escalate", "end2")}
        {Flow("f5", "veryLate", "end2")}
        """);

    [Fact]
    public void BoundaryTimer_IsCreatedWithTask_AndWithdrawnWhenTaskCompletes()
    {
        var graph = _harness.Graph(Boundary(interrupting: true));
        var started = _harness.Start(graph);
        var task = EngineHarness.Single(started.Instance, "handle");
        var late = EngineHarness.Single(started.Instance, "late");

        Assert.Equal(3, started.CreatedBookmarks.Count);
        Assert.Equal(task.TokenId, late.TokenId);
        Assert.Equal(EngineHarness.StartTime.AddHours(1), late.DueAt);

        var completed = _harness.Engine.CompleteUserTask(graph, started.Instance, task.Id, null, "handler1");

        Assert.Equal(3, completed.RemovedBookmarkIds.Count);
        Assert.Empty(completed.Instance.Bookmarks);
        Assert.Equal(InstanceStatus.Completed, completed.Instance.Status);
    }

    [Fact]
    public void BoundaryTimer_Interrupting_CancelsTaskAndLeavesThroughBoundary()
    {
        var graph = _harness.Graph(Boundary(interrupting: true));
        var instance = _harness.Start(graph).Instance;
        var task = EngineHarness.Single(instance, "handle");

        var fired = _harness.Engine.FireTimer(graph, instance, EngineHarness.Single(instance, "late").Id);

        Assert.Equal(["escalate"], fired.Instance.ActiveElementIds);
        Assert.Contains(task.Id, fired.RemovedBookmarkIds);
        Assert.Equal(3, fired.RemovedBookmarkIds.Count);
        Assert.Equal(["escalate"], fired.Instance.Bookmarks.Select(b => b.ElementId));
        Assert.Contains("TaskCancelled", EngineHarness.Events(fired));
        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.CompleteUserTask(graph, instance, task.Id, null, null));
    }

    [Fact]
    public void BoundaryTimer_NonInterrupting_KeepsTaskAndStartsParallelPath()
    {
        var graph = _harness.Graph(Boundary(interrupting: false));
        var instance = _harness.Start(graph).Instance;
        var task = EngineHarness.Single(instance, "handle");
        var late = EngineHarness.Single(instance, "late");

        var fired = _harness.Engine.FireTimer(graph, instance, late.Id);

        Assert.Equal([late.Id], fired.RemovedBookmarkIds);
        Assert.Equal(["escalate", "handle"], fired.Instance.ActiveElementIds.Order(StringComparer.Ordinal));
        Assert.Contains(fired.Instance.Bookmarks, b => b.Id == task.Id);

        var completed = _harness.Engine.CompleteUserTask(graph, instance, task.Id, null, "handler1");

        Assert.Equal(["escalate"], completed.Instance.ActiveElementIds);
        Assert.Equal(InstanceStatus.Running, completed.Instance.Status);
    }
}
