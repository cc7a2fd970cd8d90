namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>A small enforcement-like parent that calls the built-in police-transfer process.</summary>
public static partial class TestProcesses
{
    /// <summary>
    /// Published as <c>report</c>: the case is verified, filed (立案) and assigned to office-1, then call activity
    /// <c>transfer</c> runs <c>police-transfer</c> (all variables in, <c>policeDecision</c> out). Accepted → the case is
    /// closed; anything else → user task <c>penaltyDecision</c> (back on the penalty track).
    /// </summary>
    public static string EnforcementCallingTransfer() => Header + """
          <bpmn:process id="report" name="立案查处（测试）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assign" />
            <bpmn:serviceTask id="assign" caseflow:activity="AssignToOffice">
              <bpmn:extensionElements><caseflow:input name="officeId" value="office-1" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="assign" targetRef="verifying" />
            <bpmn:serviceTask id="verifying" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements><caseflow:input name="status" value="Verifying" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f3" sourceRef="verifying" targetRef="filed" />
            <bpmn:serviceTask id="filed" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements><caseflow:input name="status" value="Filed" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f4" sourceRef="filed" targetRef="transfer" />
            <bpmn:callActivity id="transfer" name="移送公安" calledElement="police-transfer">
              <bpmn:extensionElements>
                <caseflow:out source="policeDecision" target="policeDecision" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="f5" sourceRef="transfer" targetRef="decided" />
            <bpmn:exclusiveGateway id="decided" default="f7" />
            <bpmn:sequenceFlow id="f6" sourceRef="decided" targetRef="close">
              <bpmn:conditionExpression>policeDecision == 'accepted'</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f7" sourceRef="decided" targetRef="penaltyDecision" />
            <bpmn:serviceTask id="close" caseflow:activity="SetCaseStatus">
              <bpmn:extensionElements>
                <caseflow:input name="status" value="Closed" />
                <caseflow:input name="reason" value="移送司法机关（处罚程序规定第七十七条第四项）" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f8" sourceRef="close" targetRef="closedEnd" />
            <bpmn:endEvent id="closedEnd" />
            <bpmn:userTask id="penaltyDecision" name="作出行政处罚决定" caseflow:candidateGroups="office-1" caseflow:outcomes="penalty,no-penalty" />
            <bpmn:sequenceFlow id="f9" sourceRef="penaltyDecision" targetRef="decidedEnd" />
            <bpmn:endEvent id="decidedEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
