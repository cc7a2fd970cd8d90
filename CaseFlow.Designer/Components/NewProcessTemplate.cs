using System.Security;

namespace CaseFlow.Designer.Components;

/// <summary>
/// The diagram a new process starts from: an executable process whose id is the key (the server requires them to be
/// equal) with one start event, and its diagram information so the modeler can draw it.
/// </summary>
public static class NewProcessTemplate
{
    public static string Xml(string key, string name) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:caseflow="urn:caseflow:bpmn:1"
                          id="{Escape(key)}-definitions" targetNamespace="urn:caseflow:processes">
          <bpmn:process id="{Escape(key)}" name="{Escape(name)}" isExecutable="true">
            <bpmn:startEvent id="start" name="开始" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="{Escape(key)}">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start">
                <dc:Bounds x="160" y="160" width="36" height="36" />
              </bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    private static string Escape(string text) => SecurityElement.Escape(text);
}
