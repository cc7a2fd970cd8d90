using CaseFlow.Forms;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Work for a person: queue settings; boundary events come from <see cref="ActivityNode"/>.</summary>
internal sealed class UserTaskNode(string id, string? name, string bpmnType = "userTask") : ActivityNode(id, name, NodeKind.UserTask, bpmnType)
{
    /// <summary>Set when the task repeats per person or per count (<c>multiInstanceLoopCharacteristics</c>); null for one task.</summary>
    public MultiInstanceSpec? MultiInstance { get; init; }

    public IReadOnlyList<ValueTemplate> CandidateGroups { get; init; } = [];

    public ValueTemplate? Assignee { get; init; }

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public BusinessDuration? DueIn { get; init; }

    public string? DueInText { get; init; }

    /// <summary>The statutory rule code from <c>caseflow:deadlineRule</c>, resolved by the server against the case's receipt date.</summary>
    public string? DeadlineRule { get; init; }

    /// <summary>Variables a completion must carry, per outcome (<c>*</c> for any), from <c>caseflow:requiredVariables</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredVariables { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The task's form (<c>caseflow:form</c> in <c>bpmn:extensionElements</c>), or null when it has none.</summary>
    public FormSchema? Form { get; init; }
}
