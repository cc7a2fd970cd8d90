namespace CaseFlow.Server.Api.Contracts;

/// <summary>A fired ladder step as supervisors see it: a supervision item (督办), reminder, reassignment or report to the director.</summary>
/// <remarks>
/// <c>Open</c> is true while the deadline it escalates is still running (or suspended): the item closes when the task is
/// done. <c>WorkingDaysLeft</c> counts from today to the deadline's current due date, negative when overdue.
/// <c>Level</c> is the ladder step (1 = at the due instant), <c>Occurrence</c> the repetition of a repeated reminder.
/// </remarks>
public sealed record SupervisionItemResponse(
    Guid Id,
    string Kind,
    int Level,
    int Occurrence,
    Guid CaseId,
    string CaseNumber,
    string CaseSubject,
    string? OfficeId,
    Guid? TaskId,
    string? TaskName,
    string? Assignee,
    Guid DeadlineId,
    string DeadlineName,
    string? LegalBasis,
    DateTimeOffset DueAt,
    int WorkingDaysLeft,
    DateTimeOffset FiredAt,
    IReadOnlyList<string> Recipients,
    bool Open);
