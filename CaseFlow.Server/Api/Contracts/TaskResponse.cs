namespace CaseFlow.Server.Api.Contracts;

/// <summary>A task as the queues show it.</summary>
/// <remarks>
/// <c>EscalationLevel</c>: the highest ladder step fired for the task's deadline (0 none, 1 督办 at the due instant, …).
/// <c>DueProvisional</c>: the due date reaches into a year whose holidays are not loaded yet and may move.
/// <c>AssigneeName</c>, <c>CandidateGroupNames</c> (an office's name, else the group as it is) and <c>CaseOfficeName</c>:
/// the directory's names for the codes beside them (issue 19).
/// </remarks>
public sealed record TaskResponse(
    Guid Id,
    string Name,
    string ElementId,
    Guid? CaseId,
    string? CaseNumber,
    Guid ProcessInstanceId,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt,
    int? WorkingDaysLeft,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Outcomes,
    string State,
    string? Outcome,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    int EscalationLevel = 0,
    string? CaseSubject = null,
    string? RespondentName = null,
    string? CaseOfficeId = null,
    bool DueProvisional = false,
    string? AssigneeName = null,
    IReadOnlyList<string>? CandidateGroupNames = null,
    string? CaseOfficeName = null);
