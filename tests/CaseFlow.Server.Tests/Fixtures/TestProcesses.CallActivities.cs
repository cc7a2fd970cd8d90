namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Processes for call activities and timer start events.</summary>
public static partial class TestProcesses
{
    /// <summary>start → user task <paramref name="taskId"/> for office-1 → end: the called process.</summary>
    public static string Child(string key, string taskId = "childWork") => Header + $"""
          <bpmn:process id="{key}" name="子流程" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{taskId}" />
            <bpmn:userTask id="{taskId}" name="现场检查" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f2" sourceRef="{taskId}" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → end: a called process that completes at once.</summary>
    public static string ChildWithoutWait(string key) => Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>
    /// start → call activity <c>callChild</c> (<paramref name="childKey"/>, optional pinned version; in: caseNumber→number,
    /// amount*2→doubled; out: finding→inspectionFinding) → user task <c>afterCall</c> → end. With a
    /// <paramref name="boundaryTimer"/>, an interrupting boundary timer leads to <c>lateEnd</c>.
    /// </summary>
    public static string Parent(string key, string childKey, int? version = null, string? boundaryTimer = null) => Header + $"""
          <bpmn:process id="{key}" name="主流程" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callChild" />
            <bpmn:callActivity id="callChild" name="调用检查流程" calledElement="{childKey}" {(version is { } v ? $"caseflow:version=\"{v}\"" : "")}>
              <bpmn:extensionElements>
                <caseflow:in source="caseNumber" target="number" />
                <caseflow:in sourceExpression="amount * 2" target="doubled" />
                <caseflow:out source="finding" target="inspectionFinding" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            {(boundaryTimer is null ? "" : $"""
            <bpmn:boundaryEvent id="late" attachedToRef="callChild"><bpmn:timerEventDefinition><bpmn:timeDuration>{boundaryTimer}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f4" sourceRef="late" targetRef="lateEnd" />
            <bpmn:endEvent id="lateEnd" />
            """)}
            <bpmn:sequenceFlow id="f2" sourceRef="callChild" targetRef="afterCall" />
            <bpmn:userTask id="afterCall" name="作出决定" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f3" sourceRef="afterCall" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer start event (<paramref name="timer"/> is the timerEventDefinition's inner XML) → user task → end; optionally also a message start.</summary>
    public static string TimerStart(string key, string timer, string? message = null) => Header + $"""
          {(message is null ? "" : $"""<bpmn:message id="m1" name="{message}" />""")}
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="tick"><bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="review" />
            {(message is null ? "" : """
            <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:startEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="byMessage" targetRef="review" />
            """)}
            <bpmn:userTask id="review" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → user task <c>check</c> (office-1) → error end event throwing <c>VIOLATION</c>: the called process.</summary>
    public static string ChildThrowingError(string key) => Header + $"""
          <bpmn:error id="e1" errorCode="VIOLATION" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:userTask id="check" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="violation" />
            <bpmn:endEvent id="violation"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → call activity <c>callChild</c> with an error boundary catching <c>VIOLATION</c> → user task <c>penalty</c>.</summary>
    public static string ParentCatchingError(string key, string childKey) => Header + $"""
          <bpmn:error id="e1" errorCode="VIOLATION" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="callChild" />
            <bpmn:callActivity id="callChild" calledElement="{childKey}" />
            <bpmn:boundaryEvent id="caught" attachedToRef="callChild"><bpmn:errorEventDefinition errorRef="e1" /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="callChild" targetRef="end" />
            <bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="penalty" />
            <bpmn:userTask id="penalty" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f4" sourceRef="penalty" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
