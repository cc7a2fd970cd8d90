namespace CaseFlow.Workflows.Runtime;

/// <summary>The human side of a user-task bookmark: what the task queue shows and enforces.</summary>
/// <param name="Name">The task's display name (the BPMN element's <c>name</c>, or its id).</param>
/// <param name="CandidateGroups">Groups whose members may claim the task (expressions already evaluated).</param>
/// <param name="Assignee">The user the task is assigned to, if the model assigns one.</param>
/// <param name="Outcomes">The allowed outcomes; empty means completion takes no outcome.</param>
/// <param name="DueAt">The due instant computed from <c>caseflow:dueIn</c>, if any.</param>
/// <param name="DueIn">The duration text the due instant came from (for the deadline's rule).</param>
public sealed record UserTaskInfo(
    string Name,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    IReadOnlyList<string> Outcomes,
    DateTimeOffset? DueAt,
    string? DueIn)
{
    /// <summary>
    /// Variables the completion must carry, per outcome (<c>*</c> for every outcome), from
    /// <c>caseflow:requiredVariables="refuse:refusalReason;accept:officeId"</c>. A refusal without a reason is
    /// refused by the API with a field error before the engine runs.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredVariables { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The statutory rule code from <c>caseflow:deadlineRule</c> (e.g. <c>complaint.acceptance</c>). The server resolves
    /// it against the case's receipt date; the deadline it creates then decides the task's due instant.
    /// </summary>
    public string? DeadlineRule { get; init; }
}
