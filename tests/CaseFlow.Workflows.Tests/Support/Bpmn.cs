namespace CaseFlow.Workflows.Tests.Support;

/// <summary>Builds BPMN documents around a process body, the way the bpmn.io modeler writes them.</summary>
internal static class Bpmn
{
    public static string Definitions(string processBody, string beforeProcess = "", string processId = "test") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:caseflow="urn:caseflow:bpmn:1"
                          id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          {beforeProcess}
          <bpmn:process id="{processId}" name="Test process" isExecutable="true">
            {processBody}
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{processId}">
              <bpmndi:BPMNShape id="Shape_start" bpmnElement="start"><dc:Bounds x="10" y="10" width="36" height="36" /></bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>start → task (a user task) → end.</summary>
    public static string SingleTask(string taskAttributes = "", string extra = "") => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="task" name="Review" {taskAttributes} />
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "task")}
        {Flow("f2", "task", "end")}
        {extra}
        """);
}
