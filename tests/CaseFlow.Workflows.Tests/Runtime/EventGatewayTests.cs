using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Event-based gateway, BPMN 2.0 §10.6.6 and §13.3.3: the first event to occur wins, the others are withdrawn.</summary>
public class EventGatewayTests
{
    private readonly EngineHarness _harness = new();

    private static string Race() => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:eventBasedGateway id="race" />
        <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="Msg_reply" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="readReply" />
        <bpmn:userTask id="chase" />
        <bpmn:endEvent id="end" />
        <bpmn:endEvent id="end2" />
        {Flow("f1", "start", "race")}
        {Flow("f2", "race", "reply")}
        {Flow("f3", "race", "timeout")}
        {Flow("f4", "reply", "readReply")}
        {Flow("f5", "timeout", "chase")}
        {Flow("f6", "readReply", "end")}
        {Flow("f7", "chase", "end2")}
        """, """<bpmn:message id="Msg_reply" name="complainantReply" />""");

    [Fact(DisplayName = "Event-based gateway creates all catch bookmarks on one token (BPMN 2.0 §13.3.3)")]
    public void EventGateway_CreatesBookmarkPerEvent_OnOneToken()
    {
        var started = _harness.Start(_harness.Graph(Race()));

        Assert.Equal(["race"], started.Instance.ActiveElementIds);
        var message = EngineHarness.Single(started.Instance, "reply");
        var timer = EngineHarness.Single(started.Instance, "timeout");
        Assert.Equal(message.TokenId, timer.TokenId);
        Assert.Equal(BookmarkKind.Message, message.Kind);
        Assert.Equal("complainantReply", message.MessageName);
        Assert.Equal(EngineHarness.StartTime.AddDays(5), timer.DueAt);
    }

    [Fact(DisplayName = "Event-based gateway: the message wins and the timer is withdrawn in the same command (BPMN 2.0 §13.3.3)")]
    public void EventGateway_MessageWins_TimerWithdrawn()
    {
        var graph = _harness.Graph(Race());
        var instance = _harness.Start(graph).Instance;
        var message = EngineHarness.Single(instance, "reply");
        var timer = EngineHarness.Single(instance, "timeout");

        var result = _harness.Engine.DeliverMessage(graph, instance, message.Id, null);

        Assert.Equal(["readReply"], result.Instance.ActiveElementIds);
        Assert.Contains(message.Id, result.RemovedBookmarkIds);
        Assert.Contains(timer.Id, result.RemovedBookmarkIds);
        Assert.DoesNotContain(result.Instance.Bookmarks, b => b.ElementId is "reply" or "timeout");
        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.FireTimer(graph, instance, timer.Id));
    }

    [Fact(DisplayName = "Event-based gateway: the timer wins and the message subscription is withdrawn (BPMN 2.0 §13.3.3)")]
    public void EventGateway_TimerWins_MessageWithdrawn()
    {
        var graph = _harness.Graph(Race());
        var instance = _harness.Start(graph).Instance;
        var message = EngineHarness.Single(instance, "reply");
        var timer = EngineHarness.Single(instance, "timeout");

        var result = _harness.Engine.FireTimer(graph, instance, timer.Id);

        Assert.Equal(["chase"], result.Instance.ActiveElementIds);
        Assert.Equal(new[] { timer.Id, message.Id }.Order(), result.RemovedBookmarkIds.Order());
        Assert.Throws<BookmarkNotFoundException>(() => _harness.Engine.DeliverMessage(graph, instance, message.Id, null));
    }
}
