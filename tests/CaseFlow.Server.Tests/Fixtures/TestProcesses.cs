namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Small BPMN documents for API tests; each test gives its own key so tests never share a process.</summary>
public static partial class TestProcesses
{
    internal const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="urn:test">
        """;

    /// <summary>start → one user task for office-1 → end.</summary>
    public static string OneTask(string key) => Header + $"""
          <bpmn:process id="{key}" name="单步流程" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="office-1" caseflow:outcomes="ok" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → timer catch (<paramref name="duration"/>) → end.</summary>
    public static string Timer(string key, string duration) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A user task with an interrupting boundary timer that leads to an email and the end.</summary>
    public static string TaskWithBoundaryTimer(string key, string duration, string email) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="office-1" />
            <bpmn:boundaryEvent id="late" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="warn" />
            <bpmn:serviceTask id="warn" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" value="{email}" />
                <caseflow:input name="subject" value="审核超期" />
                <caseflow:input name="body" value="审核任务已超期。" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f4" sourceRef="warn" targetRef="lateEnd" />
            <bpmn:endEvent id="end" />
            <bpmn:endEvent id="lateEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → message catch <paramref name="message"/> (correlated by business key) → end.</summary>
    public static string MessageCatch(string key, string message) => Header + $"""
          <bpmn:message id="m1" name="{message}" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A message start event → one user task.</summary>
    public static string MessageStart(string key, string message) => Header + $"""
          <bpmn:message id="m1" name="{message}" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>An exclusive gateway whose condition never finishes.</summary>
    public static string EndlessCondition(string key) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <bpmn:exclusiveGateway id="gw" default="f3" />
            <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="end"><bpmn:conditionExpression>while (true) ;</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Contains an element CaseFlow does not run (a script task).</summary>
    public static string WithScriptTask(string key) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="script1" />
            <bpmn:scriptTask id="script1" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
            <bpmn:sequenceFlow id="f2" sourceRef="script1" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>An external entity that would read a local file if the parser resolved it.</summary>
    public static string WithExternalEntity(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE bpmn:definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:test">
          <bpmn:process id="{key}" name="&secret;" isExecutable="true"><bpmn:startEvent id="start" /></bpmn:process>
        </bpmn:definitions>
        """;
}
