using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Message boundary events and timer cycles on boundary events (BPMN 2.0 §10.5.4, §13.5.5).</summary>
public class BoundaryEventTests
{
    private const string Messages = """<bpmn:message id="Msg_withdraw" name="complaintWithdrawn" />""";

    private readonly EngineHarness _harness = new();

    private static string MessageBoundary(bool interrupting) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="handle" />
        <bpmn:boundaryEvent id="withdrawn" attachedToRef="handle" cancelActivity="{(interrupting ? "true" : "false")}" caseflow:correlationKey="${'{'}'case-' + caseNo{'}'}">
          <bpmn:messageEventDefinition messageRef="Msg_withdraw" />
        </bpmn:boundaryEvent>
        <bpmn:userTask id="note" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "handle")}
        {Flow("f2", "handle", "end")}
        {Flow("f3", "withdrawn", "note")}
        {Flow("f4", "note", "end2")}
        """, Messages);

    [Fact(DisplayName = "Interrupting message boundary cancels the user task and leaves through the boundary (BPMN 2.0 §10.5.4)")]
    public void MessageBoundary_Interrupting_CancelsTask()
    {
        var graph = _harness.Graph(MessageBoundary(interrupting: true));
        var instance = _harness.Start(graph, new() { ["caseNo"] = 7 }).Instance;
        var task = EngineHarness.Single(instance, "handle");
        var subscription = EngineHarness.Single(instance, "withdrawn");

        Assert.Equal(BookmarkKind.Message, subscription.Kind);
        Assert.Equal("complaintWithdrawn", subscription.MessageName);
        Assert.Equal("case-7", subscription.CorrelationKey);
        Assert.Equal(task.TokenId, subscription.TokenId);

        var result = _harness.Engine.DeliverMessage(graph, instance, subscription.Id, null);

        Assert.Equal(["note"], result.Instance.ActiveElementIds);
        Assert.Contains(task.Id, result.RemovedBookmarkIds);
        Assert.Contains("TaskCancelled", EngineHarness.Events(result));
    }

    [Fact(DisplayName = "Non-interrupting message boundary keeps the task, starts a parallel path and stays subscribed (BPMN 2.0 §10.5.4)")]
    public void MessageBoundary_NonInterrupting_KeepsTaskAndResubscribes()
    {
        var graph = _harness.Graph(MessageBoundary(interrupting: false));
        var instance = _harness.Start(graph, new() { ["caseNo"] = 7 }).Instance;
        var task = EngineHarness.Single(instance, "handle");
        var subscription = EngineHarness.Single(instance, "withdrawn");

        var result = _harness.Engine.DeliverMessage(graph, instance, subscription.Id, null);

        Assert.Equal(["handle", "note"], result.Instance.ActiveElementIds.Order(StringComparer.Ordinal));
        Assert.Contains(result.Instance.Bookmarks, b => b.Id == task.Id);
        var renewed = EngineHarness.Single(result.Instance, "withdrawn");
        Assert.NotEqual(subscription.Id, renewed.Id);
        Assert.Equal("case-7", renewed.CorrelationKey);

        var completed = _harness.Engine.CompleteUserTask(graph, instance, task.Id, null, "handler1");

        Assert.Contains(renewed.Id, completed.RemovedBookmarkIds);
        Assert.DoesNotContain(completed.Instance.Bookmarks, b => b.ElementId == "withdrawn");
    }

    private static string Reminder(string cycle, bool interrupting = false) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="handle" />
        <bpmn:boundaryEvent id="remind" attachedToRef="handle" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="reminded" />
        {Flow("f1", "start", "handle")}
        {Flow("f2", "handle", "end")}
        {Flow("f3", "remind", "reminded")}
        """);

    [Fact(DisplayName = "Timer cycle R3/PT2S on a non-interrupting boundary fires three times, then stops (BPMN 2.0 §10.5.4, ISO 8601 repeating interval)")]
    public void TimerCycle_FiresThreeTimesThenStops_WhenR3()
    {
        var graph = _harness.Graph(Reminder("R3/PT2S"));
        var instance = _harness.Start(graph).Instance;
        var timer = EngineHarness.Single(instance, "remind");
        Assert.Equal("R3/PT2S", timer.Cycle);
        Assert.Equal(3, timer.RemainingRepetitions);
        Assert.Equal(EngineHarness.StartTime.AddSeconds(2), timer.DueAt);

        var ids = new HashSet<Guid> { timer.Id };
        for (var firing = 1; firing <= 3; firing++)
        {
            var result = _harness.Engine.FireTimer(graph, instance, timer.Id);

            Assert.Contains(timer.Id, result.RemovedBookmarkIds);
            Assert.Contains(result.History, h => h.Event == "ElementCompleted" && h.ElementId == "reminded");
            if (firing < 3)
            {
                timer = Assert.Single(result.CreatedBookmarks, b => b.ElementId == "remind");
                Assert.True(ids.Add(timer.Id), "each firing schedules a new bookmark id (one Quartz trigger per bookmark)");
                Assert.Equal(3 - firing, timer.RemainingRepetitions);
                Assert.Equal(EngineHarness.StartTime.AddSeconds(2 * (firing + 1)), timer.DueAt);
            }
            else
            {
                Assert.DoesNotContain(result.CreatedBookmarks, b => b.ElementId == "remind");
            }
        }

        Assert.Equal(["handle"], instance.ActiveElementIds);
        Assert.DoesNotContain(instance.Bookmarks, b => b.ElementId == "remind");
    }

    [Fact(DisplayName = "Timer cycle stops early when the task completes (BPMN 2.0 §13.5.5)")]
    public void TimerCycle_StopsEarly_WhenTaskCompletes()
    {
        var graph = _harness.Graph(Reminder("R3/PT2S"));
        var instance = _harness.Start(graph).Instance;
        var fired = _harness.Engine.FireTimer(graph, instance, EngineHarness.Single(instance, "remind").Id);
        var next = Assert.Single(fired.CreatedBookmarks, b => b.ElementId == "remind");

        var completed = _harness.Engine.CompleteUserTask(graph, instance, EngineHarness.Single(instance, "handle").Id, null, "handler1");

        Assert.Contains(next.Id, completed.RemovedBookmarkIds);
        Assert.Equal(InstanceStatus.Completed, completed.Instance.Status);
        Assert.Throws<InstanceNotRunningException>(() => _harness.Engine.FireTimer(graph, instance, next.Id));
    }

    [Fact(DisplayName = "Unbounded timer cycle R/P1D keeps scheduling while the task is open (ISO 8601 repeating interval)")]
    public void TimerCycle_KeepsScheduling_WhenUnbounded()
    {
        var graph = _harness.Graph(Reminder("R/P1D"));
        var instance = _harness.Start(graph).Instance;
        var timer = EngineHarness.Single(instance, "remind");
        Assert.Null(timer.RemainingRepetitions);

        for (var firing = 1; firing <= 5; firing++)
        {
            timer = Assert.Single(_harness.Engine.FireTimer(graph, instance, timer.Id).CreatedBookmarks, b => b.ElementId == "remind");
        }

        Assert.Equal(EngineHarness.StartTime.AddDays(6), timer.DueAt);
        Assert.Null(timer.RemainingRepetitions);
    }

    [Fact(DisplayName = "Business cycle R2/1wd falls on working days of the calendar, skipping the weekend")]
    public void TimerCycle_DueOnWorkingDays_WhenBusinessCycle()
    {
        // Thursday 2026-03-05 09:00 Shanghai: one working day ends Friday, the next Monday.
        _harness.Time.Advance(TimeSpan.FromDays(3));
        var graph = _harness.Graph(Reminder("R2/1wd"));
        var instance = _harness.Start(graph).Instance;
        var first = EngineHarness.Single(instance, "remind");

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 23, 59, 59, TimeSpan.FromHours(8)), first.DueAt);

        var second = Assert.Single(_harness.Engine.FireTimer(graph, instance, first.Id).CreatedBookmarks, b => b.ElementId == "remind");

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 23, 59, 59, TimeSpan.FromHours(8)), second.DueAt);
        Assert.Equal(1, second.RemainingRepetitions);
        Assert.DoesNotContain(_harness.Engine.FireTimer(graph, instance, second.Id).CreatedBookmarks, b => b.ElementId == "remind");
    }

    [Fact(DisplayName = "A cycle on an interrupting boundary fires once (BPMN 2.0 §10.5.4)")]
    public void TimerCycle_FiresOnce_WhenInterrupting()
    {
        var graph = _harness.Graph(Reminder("R3/PT2S", interrupting: true));
        var instance = _harness.Start(graph).Instance;

        var result = _harness.Engine.FireTimer(graph, instance, EngineHarness.Single(instance, "remind").Id);

        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
        Assert.Empty(result.CreatedBookmarks);
    }
}
