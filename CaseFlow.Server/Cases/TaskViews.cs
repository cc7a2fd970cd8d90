using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Cases;

/// <summary>Maps task rows to the queue view, with working days left for open tasks.</summary>
public static class TaskViews
{
    public static TaskResponse ToResponse(StoredTask t, string? caseNumber, IBusinessCalendar calendar, DateTimeOffset now, int escalationLevel = 0, string? caseSubject = null, string? respondentName = null, string? caseOfficeId = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(calendar);
        int? left = t is { State: TaskState.Open, DueAt: { } due }
            ? calendar.WorkingDaysLeft(calendar.ToLocalDate(now), calendar.ToLocalDate(due))
            : null;
        return new TaskResponse(
            t.Id,
            t.Name,
            t.ElementId,
            t.CaseId,
            caseNumber,
            t.InstanceId,
            t.Assignee,
            t.CandidateGroupList,
            t.DueAt,
            left,
            t.CreatedAt,
            t.OutcomeList,
            JsonNamingPolicy.CamelCase.ConvertName(t.State.ToString()),
            t.Outcome,
            t.CompletedBy,
            t.CompletedAt,
            escalationLevel,
            caseSubject,
            respondentName,
            caseOfficeId,
            t is { State: TaskState.Open, DueAt: { } provisionalDue } && calendar.IsProvisional(calendar.ToLocalDate(t.CreatedAt), calendar.ToLocalDate(provisionalDue)));
    }
}
