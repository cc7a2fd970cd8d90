namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>BPMN for the correlation-race tests.</summary>
public static partial class TestProcesses
{
    /// <summary>An event-based gateway: message <paramref name="message"/> or a timer (<paramref name="duration"/>), whichever comes first.</summary>
    public static string MessageOrTimer(string key, string message, string duration) => Header + $"""
          <bpmn:message id="m1" name="{message}" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="race" />
            <bpmn:eventBasedGateway id="race" />
            <bpmn:sequenceFlow id="f2" sourceRef="race" targetRef="reply" />
            <bpmn:sequenceFlow id="f3" sourceRef="race" targetRef="timeout" />
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>{duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="reply" targetRef="answered" />
            <bpmn:sequenceFlow id="f5" sourceRef="timeout" targetRef="expired" />
            <bpmn:endEvent id="answered" />
            <bpmn:endEvent id="expired" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
