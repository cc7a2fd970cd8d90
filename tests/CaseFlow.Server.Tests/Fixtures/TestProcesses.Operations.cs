namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Processes for the instance-operation tests: a failing service task, two tasks in a row, and two versions.</summary>
public static partial class TestProcesses
{
    /// <summary>
    /// start → assign (AssignToOffice from variable <c>targetOffice</c>; an empty one makes the activity throw; one
    /// retry after a second) → review (office-1) → end.
    /// </summary>
    public static string FailingAssignment(string key) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assign" />
            <bpmn:serviceTask id="assign" caseflow:activity="AssignToOffice" caseflow:retries="1" caseflow:retryBackoff="PT1S">
              <bpmn:extensionElements><caseflow:input name="officeId" expression="targetOffice" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="assign" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → first (office-1) → second (office-1) → end.</summary>
    public static string TwoTasks(string key) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
            <bpmn:userTask id="first" name="初审" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
            <bpmn:userTask id="second" name="复审" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Version 2 of <see cref="OneTask"/>: the task <c>review</c> is renamed <c>check</c> and an approval follows it.</summary>
    public static string OneTaskRenamed(string key) => Header + $"""
          <bpmn:process id="{key}" name="单步流程" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" name="核查" caseflow:candidateGroups="office-1" caseflow:outcomes="ok" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="approve" />
            <bpmn:userTask id="approve" name="批准" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
