namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Stand-ins for the processes around the built-in enforcement process.</summary>
public static partial class TestProcesses
{
    /// <summary>
    /// A report process reduced to 立案: the intake group names the office (<c>officeId</c>), the case goes
    /// Verifying → Filed, and the call activity <c>callEnforcement</c> runs the enforcement process on the same case.
    /// </summary>
    public static string ReportOpeningEnforcement() => Header + """
          <bpmn:process id="report" name="举报（立案查处测试用）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decideFiling" />
            <bpmn:userTask id="decideFiling" name="决定立案" caseflow:candidateGroups="intake" caseflow:outcomes="open" caseflow:requiredVariables="open:officeId" />
            <bpmn:sequenceFlow id="f2" sourceRef="decideFiling" targetRef="verifying" />
            <bpmn:serviceTask id="verifying" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements><caseflow:input name="status" value="Verifying" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="verifying" targetRef="filed" />
            <bpmn:serviceTask id="filed" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements><caseflow:input name="status" value="Filed" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f4" sourceRef="filed" targetRef="callEnforcement" />
            <bpmn:callActivity id="callEnforcement" name="立案查处" calledElement="enforcement" />
            <bpmn:sequenceFlow id="f5" sourceRef="callEnforcement" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The police's answer as one task for the supervisors, returned in <c>policeDecision</c>.</summary>
    public static string PoliceTransferStandIn() => Header + """
          <bpmn:process id="police-transfer" name="移送公安（测试替身）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="policeAnswer" />
            <bpmn:userTask id="policeAnswer" name="公安机关立案决定" caseflow:candidateGroups="supervisors" caseflow:outcomes="recorded" caseflow:requiredVariables="recorded:policeDecision" />
            <bpmn:sequenceFlow id="f2" sourceRef="policeAnswer" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
