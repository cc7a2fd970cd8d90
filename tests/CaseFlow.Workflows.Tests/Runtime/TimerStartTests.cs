using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

/// <summary>Timer start events (BPMN 2.0 §10.5.2): parsed with their schedule, and started only when a request names them.</summary>
public class TimerStartTests
{
    private readonly EngineHarness _harness = new();

    private static string TimerStarted(string timer, string extraStart = "") => Definitions($"""
        <bpmn:startEvent id="tick"><bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:startEvent>
        {extraStart}
        <bpmn:userTask id="review" />
        <bpmn:endEvent id="end" />
        {Flow("f1", "tick", "review")}
        {Flow("f2", "review", "end")}
        """, beforeProcess: """<bpmn:message id="m1" name="go" />""");

    [Fact(DisplayName = "A process with only a timer start is valid, has no none start, and lists its timer")]
    public void TimerStart_IsValid_AndListed()
    {
        var graph = _harness.Graph(TimerStarted("<bpmn:timeCycle>R3/PT10S</bpmn:timeCycle>"));

        var timer = Assert.Single(graph.TimerStarts);
        Assert.Equal(("tick", "R3/PT10S", (int?)3), (timer.ElementId, timer.Text, timer.Occurrences));
        Assert.False(graph.HasNoneStart);
    }

    [Fact(DisplayName = "A start request naming the timer start event starts there")]
    public void Start_EntersTimerStart_WhenNamed()
    {
        var graph = _harness.Graph(TimerStarted("<bpmn:timeDuration>PT1M</bpmn:timeDuration>"));

        var result = _harness.Engine.Start(graph, new StartInstanceRequest(Guid.NewGuid(), null, [], StartEventId: "tick"));

        Assert.Equal(["review"], result.Instance.ActiveElementIds);
        Assert.Contains("timer PT1M", result.History[0].Details, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "A timer start and a message start live side by side; the message starts at its own event")]
    public void Start_ByMessage_WhenTimerStartAlsoPresent()
    {
        var graph = _harness.Graph(TimerStarted("<bpmn:timeCycle>R/P1D</bpmn:timeCycle>",
            """<bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent><bpmn:sequenceFlow id="f3" sourceRef="byMessage" targetRef="review" />"""));

        var result = _harness.Start(graph, message: "go");

        Assert.Equal(["review"], result.Instance.ActiveElementIds);
        Assert.Null(Assert.Single(graph.TimerStarts).Occurrences);
        Assert.Throws<InvalidOperationException>(() => _harness.Start(graph));
    }

    [Fact(DisplayName = "Cycle occurrences follow the interval, and occurrences missed while the server was down are skipped")]
    public void NextDue_SkipsMissedOccurrences()
    {
        var timer = Assert.Single(_harness.Graph(TimerStarted("<bpmn:timeCycle>R/PT10S</bpmn:timeCycle>")).TimerStarts);
        var published = EngineHarness.StartTime;

        var first = timer.FirstDue(published, _harness.Calendar);
        var next = timer.NextDue(first, first, _harness.Calendar);
        var afterOutage = timer.NextDue(first, first.AddSeconds(35), _harness.Calendar);

        Assert.Equal(published.AddSeconds(10), first);
        Assert.Equal(first.AddSeconds(10), next);
        Assert.Equal(first.AddSeconds(40), afterOutage);
    }

    [Fact(DisplayName = "A date or a duration fires once")]
    public void NextDue_IsNull_ForOneShotTimers()
    {
        var timer = Assert.Single(_harness.Graph(TimerStarted("<bpmn:timeDate>2026-05-01T09:00:00+08:00</bpmn:timeDate>")).TimerStarts);

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), timer.FirstDue(EngineHarness.StartTime, _harness.Calendar));
        Assert.Null(timer.NextDue(timer.FirstDue(EngineHarness.StartTime, _harness.Calendar), EngineHarness.StartTime, _harness.Calendar));
        Assert.Equal(1, timer.Occurrences);
    }

    [Fact(DisplayName = "A timer start inside a sub-process is refused")]
    public void TimerStart_IsRefused_InsideSubProcess()
    {
        var result = _harness.Parser.Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="inner"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:endEvent id="innerEnd" />
              {Flow("i1", "inner", "innerEnd")}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sub")}
            {Flow("f2", "sub", "end")}
            """));

        Assert.Contains(result.Errors, e => e.ElementId == "sub");
    }
}
