using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>Structural validation of the full BPMN subset, and bilingual (English and Chinese) messages.</summary>
public class BpmnValidationTests
{
    private const string Throws = """
        <bpmn:error id="Err_ok" errorCode="OK_CODE" />
        <bpmn:error id="Err_nocode" name="No code" />
        <bpmn:message id="Msg_reply" name="reply" />
        """;

    private readonly EngineHarness _harness = new();

    private BpmnParseResult Parse(string xml) => _harness.Parser.Parse(xml);

    private static ValidationError ErrorFor(BpmnParseResult result, string elementId) =>
        Assert.Single(result.Errors, e => e.ElementId == elementId);

    [Fact(DisplayName = "Inclusive gateway branches other than the default need a condition (BPMN 2.0 §10.6.3)")]
    public void Validate_RefusesInclusiveBranchWithoutCondition_WhenNotDefault()
    {
        var result = Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="gw" default="f3" />
            <bpmn:inclusiveGateway id="dead" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "gw")}
            {Flow("f2", "gw", "end")}
            {Flow("f3", "gw", "end")}
            {Flow("f4", "gw", "dead", "x > 1")}
            """));

        Assert.Contains("without a condition", ErrorFor(result, "f2").Message, StringComparison.Ordinal);
        Assert.Contains("包容网关", ErrorFor(result, "f2").MessageZh, StringComparison.Ordinal);
        Assert.Contains("no outgoing sequence flow", ErrorFor(result, "dead").Message, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "An event-based gateway may only be followed by intermediate catch events (BPMN 2.0 §10.6.6)")]
    public void Validate_RefusesEventGateway_FollowedByTask()
    {
        var result = Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="Msg_reply" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="task" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "race")}
            {Flow("f2", "race", "reply")}
            {Flow("f3", "race", "task")}
            {Flow("f4", "reply", "end")}
            {Flow("f5", "task", "end")}
            """, Throws));

        var error = ErrorFor(result, "race");
        Assert.Contains("'task'", error.Message, StringComparison.Ordinal);
        Assert.Contains("事件网关", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "Error and escalation references must name defined definitions with a code")]
    public void Validate_RefusesUndefinedErrorAndEscalationRefs()
    {
        var result = Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:exclusiveGateway id="gw" default="toNoCode" />
              <bpmn:endEvent id="missingErr"><bpmn:errorEventDefinition errorRef="Err_missing" /></bpmn:endEvent>
              <bpmn:endEvent id="noCode"><bpmn:errorEventDefinition errorRef="Err_nocode" /></bpmn:endEvent>
              {Flow("s1", "subStart", "gw")}
              {Flow("s2", "gw", "missingErr", "a")}
              {Flow("toNoCode", "gw", "noCode")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="onEsc" attachedToRef="sub"><bpmn:escalationEventDefinition escalationRef="Esc_missing" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sub")}
            {Flow("f2", "sub", "end")}
            {Flow("f3", "onEsc", "end")}
            """, Throws));

        Assert.Contains("Err_missing", ErrorFor(result, "missingErr").Message, StringComparison.Ordinal);
        Assert.Contains("errorCode", ErrorFor(result, "noCode").Message, StringComparison.Ordinal);
        Assert.Contains("Esc_missing", ErrorFor(result, "onEsc").Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.MessageZh)));
    }

    [Theory(DisplayName = "Timer cycles must be R<n>/<interval> or R/<interval>")]
    [InlineData("R0/PT2S")]
    [InlineData("R3")]
    [InlineData("R3/2026-05-01T09:00:00Z/PT1H")]
    [InlineData("R3/soon")]
    [InlineData("every day")]
    public void Validate_RefusesBadTimerCycle_NamingTheBoundary(string cycle)
    {
        var result = Parse(SingleTask(extra: $"""
            <bpmn:boundaryEvent id="remind" attachedToRef="task" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end2" />
            {Flow("f3", "remind", "end2")}
            """));

        var error = ErrorFor(result, "remind");
        Assert.Contains(cycle, error.Message, StringComparison.Ordinal);
        Assert.Contains("循环定时", error.MessageZh, StringComparison.Ordinal);
    }

    [Theory(DisplayName = "Timer cycles accept ISO and business-calendar intervals")]
    [InlineData("R3/PT2S")]
    [InlineData("R/P1D")]
    [InlineData("R3/2wd")]
    [InlineData("R/1wd")]
    [InlineData("R2/5d")]
    public void Validate_AcceptsTimerCycle_OnBoundary(string cycle)
    {
        var result = Parse(SingleTask(extra: $"""
            <bpmn:boundaryEvent id="remind" attachedToRef="task" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>{cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end2" />
            {Flow("f3", "remind", "end2")}
            """));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact(DisplayName = "Sub-process structure: one none start inside, no flows across its border, unreachable inner elements")]
    public void Validate_RefusesBrokenSubProcess()
    {
        var result = Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:userTask id="inner" name="Inner" />
              <bpmn:userTask id="orphan" />
              <bpmn:endEvent id="subEnd" />
              {Flow("s1", "inner", "subEnd")}
              {Flow("s2", "orphan", "subEnd")}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "sub")}
            {Flow("f2", "sub", "end")}
            {Flow("cross", "start", "inner")}
            """));

        Assert.Contains("exactly one start event", ErrorFor(result, "sub").Message, StringComparison.Ordinal);
        Assert.Contains("crosses the border", ErrorFor(result, "cross").Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", ErrorFor(result, "orphan").Message, StringComparison.Ordinal);
        Assert.Equal("Inner", result.Graph!.GetElementName("inner"));
    }

    [Fact(DisplayName = "Error boundary events belong on sub-processes and call activities, not user tasks (BPMN 2.0 §10.5.4)")]
    public void Validate_RefusesErrorBoundary_OnUserTask()
    {
        var result = Parse(SingleTask(extra: $"""
            <bpmn:boundaryEvent id="onError" attachedToRef="task"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end2" />
            {Flow("f3", "onError", "end2")}
            """));

        Assert.Contains("throws none", ErrorFor(result, "onError").Message, StringComparison.Ordinal);
    }

    [Fact(DisplayName = "A timer cycle is refused on an intermediate catch event (it would never repeat)")]
    public void Validate_RefusesTimerCycle_OnIntermediateCatch()
    {
        var result = Parse(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "end")}
            """));

        Assert.Contains("only boundary events", ErrorFor(result, "wait").Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> BrokenDocuments => new()
    {
        "",
        "<not-closed",
        """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>""",
        Definitions("""<bpmn:scriptTask id="s" /><bpmn:task id="t" />"""),
        SingleTask("""caseflow:dueIn="soon" caseflow:dueInn="7wd" caseflow:candidateGroups="a${b}" """),
        Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="LaunchRocket" />
            <bpmn:exclusiveGateway id="gw" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "gw")}
            {Flow("f3", "gw", "end", "a ===")}
            {Flow("f4", "gw", "end")}
            {Flow("f5", "end", "gw")}
            {Flow("f6", "start", "nowhere")}
            """),
        Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="Msg_missing" /></bpmn:intermediateCatchEvent>
            <bpmn:eventBasedGateway id="race" />
            <bpmn:endEvent id="end"><bpmn:errorEventDefinition /></bpmn:endEvent>
            <bpmn:userTask id="orphan" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "race")}
            {Flow("f3", "race", "end")}
            """),
    };

    [Theory(DisplayName = "Every validation error carries a Chinese message as well as the English one")]
    [MemberData(nameof(BrokenDocuments))]
    public void Validate_GivesChineseMessage_ForEveryError(string xml)
    {
        var result = Parse(xml);

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageZh));
            Assert.Contains(e.MessageZh!, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.DoesNotContain("说明见英文", e.MessageZh, StringComparison.Ordinal);
        });
    }
}
