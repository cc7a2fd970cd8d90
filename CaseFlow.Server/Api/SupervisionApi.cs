using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Escalations;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/supervision-items</c>: what the deadline ladders escalated (督办 items, reminders, reassignments, reports to the
/// director), for supervisors; and <c>/api/admin/escalations/sweep</c> to run the sweep now rather than at its next tick.
/// </summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/supervision-items", ListAsync)
            .WithTags("Supervision")
            .WithSummary("Fired escalation steps, newest first; state=open (default: deadline still running) or all; kind=SupervisionItem|Remind|Reassign|NotifyDirector|Warning; officeId; caseId.")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor, Roles.Admin));
        app.MapPost("/api/admin/escalations/sweep", SweepAsync)
            .WithTags("Supervision")
            .WithSummary("Fires every warning and escalation step due by now, as the scheduled sweep would; returns how many fired.")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }

    private static async Task<IResult> ListAsync(
        CaseFlowDbContext db,
        IBusinessCalendar calendar,
        TimeProvider clock,
        string? state,
        string? kind,
        string? officeId,
        Guid? caseId,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var wanted = state ?? "open";
        if (wanted is not ("open" or "all"))
        {
            return ApiProblems.Field("state", "state must be one of: open, all.");
        }

        EscalationKind? kindFilter = null;
        if (kind is not null)
        {
            if (!Enum.GetNames<EscalationKind>().Contains(kind, StringComparer.Ordinal))
            {
                return ApiProblems.Field("kind", $"kind must be one of: {string.Join(", ", Enum.GetNames<EscalationKind>())}.");
            }

            kindFilter = Enum.Parse<EscalationKind>(kind);
        }

        var query =
            from e in db.Escalations.AsNoTracking()
            join d in db.Deadlines on e.DeadlineId equals d.Id
            join c in db.Cases on e.CaseId equals c.Id
            join t in db.Tasks on e.TaskId equals t.Id into tasks
            from t in tasks.DefaultIfEmpty()
            where e.Kind != EscalationKind.Warning
            select new { Escalation = e, Deadline = d, Case = c, Task = t };
        if (wanted == "open")
        {
            query = query.Where(x => x.Deadline.State == DeadlineState.Running || x.Deadline.State == DeadlineState.Suspended);
        }

        if (kindFilter is { } k)
        {
            query = query.Where(x => x.Escalation.Kind == k);
        }

        if (officeId is not null)
        {
            query = query.Where(x => x.Case.OfficeId == officeId);
        }

        if (caseId is { } id)
        {
            query = query.Where(x => x.Case.Id == id);
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.Escalation.FiredAt).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var today = calendar.ToLocalDate(clock.GetUtcNow());
        var items = rows.Select(x => new SupervisionItemResponse(
            x.Escalation.Id,
            JsonNamingPolicy.CamelCase.ConvertName(x.Escalation.Kind.ToString()),
            x.Escalation.Level,
            x.Escalation.Occurrence,
            x.Case.Id,
            x.Case.Number,
            x.Case.Subject,
            x.Case.OfficeId,
            x.Escalation.TaskId,
            x.Task?.Name,
            x.Task?.Assignee,
            x.Deadline.Id,
            x.Deadline.Name,
            x.Deadline.LegalBasis,
            x.Deadline.DueAt,
            calendar.WorkingDaysLeft(today, calendar.ToLocalDate(x.Deadline.DueAt)),
            x.Escalation.FiredAt,
            x.Escalation.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries),
            x.Deadline.State is DeadlineState.Running or DeadlineState.Suspended)).ToList();
        return TypedResults.Ok(new PageResponse<SupervisionItemResponse>(items, total));
    }

    private static async Task<IResult> SweepAsync(EscalationSweeper sweeper, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { fired = await sweeper.SweepAsync(cancellationToken) });
}
