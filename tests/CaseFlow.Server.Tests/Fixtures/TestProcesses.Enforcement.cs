namespace CaseFlow.Server.Tests.Fixtures;

public static partial class TestProcesses
{
    /// <summary>
    /// A stand-in for the enforcement process (立案查处) the report process calls once a case is filed: one task for the
    /// office, then it ends. Published by <see cref="CaseFlowApp"/> only where no real <c>enforcement</c> is published.
    /// </summary>
    public static string EnforcementStandIn() => Header + """
          <bpmn:process id="enforcement" name="立案查处（测试替身）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="investigate" />
            <bpmn:userTask id="investigate" name="调查取证" caseflow:candidateGroups="${officeId}" caseflow:outcomes="done" />
            <bpmn:sequenceFlow id="f2" sourceRef="investigate" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
