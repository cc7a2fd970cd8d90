using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class BpmnParserTests
{
    private readonly EngineHarness _harness = new();

    private BpmnParseResult Parse(string xml) => _harness.Parser.Parse(xml);

    private static ValidationError ErrorFor(BpmnParseResult result, string elementId) =>
        Assert.Single(result.Errors, e => e.ElementId == elementId);

    [Fact]
    public void Parse_ReturnsValidGraph_ForSupportedSubsetWithDiagramAndDocumentation()
    {
        var xml = Definitions($"""
            <bpmn:documentation>Complaint intake</bpmn:documentation>
            <bpmn:laneSet id="lanes"><bpmn:lane id="lane1" name="Intake" /></bpmn:laneSet>
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="task" name="Accept?" caseflow:candidateGroups="intake, {"${'office-' + officeId}"}" caseflow:outcomes="accept,refuse" caseflow:dueIn="7wd" />
            <bpmn:exclusiveGateway id="gw" default="f4" />
            <bpmn:serviceTask id="mail" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" expression="complainant.email" />
                <caseflow:input name="subject" value="Accepted" />
                <caseflow:input name="body" value="Your complaint was accepted." />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            <bpmn:textAnnotation id="note"><bpmn:text>Statutory 7 working days</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="assoc" sourceRef="task" targetRef="note" />
            {Flow("f1", "start", "task")}
            {Flow("f2", "task", "gw")}
            {Flow("f3", "gw", "mail", "outcome == 'accept'")}
            {Flow("f4", "gw", "end")}
            {Flow("f5", "mail", "end")}
            """);

        var result = Parse(xml);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal("test", result.Graph!.ProcessId);
        Assert.Equal("Test process", result.Graph.Name);
        Assert.Equal("Accept?", result.Graph.GetElementName("task"));
    }

    [Fact]
    public void Parse_RefusesUnknownElement_NamingItsId()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="script1" name="Compute" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "script1")}
            {Flow("f2", "script1", "end")}
            """);

        var error = ErrorFor(Parse(xml), "script1");

        Assert.Contains("Element type 'scriptTask' is not supported by CaseFlow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesUnknownActivity_NamingTheServiceTask()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="LaunchRocket" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "end")}
            """);

        var error = ErrorFor(Parse(xml), "svc");

        Assert.Contains("LaunchRocket", error.Message, StringComparison.Ordinal);
        Assert.Contains("SendEmail", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesUnknownAndMissingInputs_OfAnActivity()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" value="a@example.com" />
                <caseflow:input name="cc" value="b@example.com" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "end")}
            """);

        var errors = Parse(xml).Errors.Where(e => e.ElementId == "svc").Select(e => e.Message).ToList();

        Assert.Contains(errors, m => m.Contains("'cc'", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("required input 'subject'", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("required input 'body'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RefusesInvalidEnumLiteral_ForCaseStatusInput()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements><caseflow:input name="status" value="Finished" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "end")}
            """);

        Assert.Contains("Closed", ErrorFor(Parse(xml), "svc").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("caseflow:dueIn=\"7 working days\"")]
    [InlineData("caseflow:dueIn=\"P1M\"")]
    public void Parse_RefusesBadDuration_OnUserTask(string attribute)
    {
        var error = ErrorFor(Parse(SingleTask(attribute)), "task");

        Assert.Contains("not a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesBadTimerDuration_OnCatchEvent()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "end")}
            """);

        Assert.Contains("'soon' is not a duration", ErrorFor(Parse(xml), "wait").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesNonDefaultFlowWithoutCondition_OnExclusiveGateway()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="f3" />
            <bpmn:endEvent id="end1" />
            <bpmn:endEvent id="end2" />
            <bpmn:endEvent id="end3" />
            {Flow("f1", "start", "gw")}
            {Flow("f2", "gw", "end1", "amountInvolved > 10000")}
            {Flow("f3", "gw", "end2")}
            {Flow("f4", "gw", "end3")}
            """);

        var result = Parse(xml);

        Assert.Contains("without a condition", ErrorFor(result, "f4").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Errors, e => e.ElementId is "f2" or "f3");
    }

    [Fact]
    public void Parse_ReportsConditionSyntaxError_NamingTheFlow()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="f3" />
            <bpmn:endEvent id="end1" />
            <bpmn:endEvent id="end2" />
            {Flow("f1", "start", "gw")}
            {Flow("f2", "gw", "end1", "(outcome == 'accept'")}
            {Flow("f3", "gw", "end2")}
            """);

        Assert.Contains("not valid JavaScript", ErrorFor(Parse(xml), "f2").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesConditionOnFlowLeavingATask()
    {
        var xml = SingleTask(extra: Flow("f3", "task", "end", "outcome == 'x'"));

        Assert.Contains("exclusive gateway", ErrorFor(Parse(xml), "f3").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsStructuralProblems_AllAtOnce()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task" />
            <bpmn:userTask id="orphan" name="Forgotten step" />
            <bpmn:userTask id="deadEnd" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "task")}
            {Flow("f2", "task", "end")}
            {Flow("f3", "task", "deadEnd")}
            {Flow("f4", "task", "nowhere")}
            {Flow("f5", "orphan", "end")}
            """);

        var result = Parse(xml);

        Assert.Contains("cannot be reached", ErrorFor(result, "orphan").Message, StringComparison.Ordinal);
        Assert.Contains("no outgoing sequence flow", ErrorFor(result, "deadEnd").Message, StringComparison.Ordinal);
        Assert.Contains("'nowhere'", ErrorFor(result, "f4").Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_ReportsDuplicateIds()
    {
        var xml = SingleTask(extra: """<bpmn:endEvent id="task" />""");

        Assert.Contains(Parse(xml).Errors, e => e.ElementId == "task" && e.Message.Contains("unique", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RefusesBoundaryEvent_AttachedToServiceTask()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="svc" caseflow:activity="AddTimelineEntry">
              <bpmn:extensionElements><caseflow:input name="event" value="x" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:boundaryEvent id="late" attachedToRef="svc"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "svc")}
            {Flow("f2", "svc", "end")}
            {Flow("f3", "late", "end")}
            """);

        Assert.Contains("boundary events on user tasks, sub-processes and call activities", ErrorFor(Parse(xml), "late").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesSignalEndEventAndMisspeltExtensionAttribute()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task" caseflow:dueInn="7wd" />
            <bpmn:endEvent id="end"><bpmn:signalEventDefinition /></bpmn:endEvent>
            {Flow("f1", "start", "task")}
            {Flow("f2", "task", "end")}
            """);

        var result = Parse(xml);

        Assert.Contains("signal", ErrorFor(result, "end").Message, StringComparison.Ordinal);
        Assert.Contains("caseflow:dueInn", ErrorFor(result, "task").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesMessageEvent_ReferringToUndefinedMessage()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="Msg_missing" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "wait")}
            {Flow("f2", "wait", "end")}
            """);

        Assert.Contains("Msg_missing", ErrorFor(Parse(xml), "wait").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesMultiInstanceTask_WithoutCountOrCollection()
    {
        var xml = Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="task"><bpmn:multiInstanceLoopCharacteristics isSequential="true" /></bpmn:userTask>
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "task")}
            {Flow("f2", "task", "end")}
            """);

        Assert.Contains("does not say how many instances", ErrorFor(Parse(xml), "task").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesProcessWithoutStartEvent()
    {
        var xml = Definitions("""<bpmn:endEvent id="end" />""");

        Assert.Contains("no start event", ErrorFor(Parse(xml), "test").Message, StringComparison.Ordinal);
    }
}
