using System.Security.Claims;
using CaseFlow.Server.Absences;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// Absences and deputies: a user away (leave, training) names a deputy who receives the tasks assigned to them, and
/// their open tasks can be handed over in one go. Each is allowed to the user themself, a Supervisor or an Admin.
/// </summary>
public static class AbsencesApi
{
    private const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapAbsencesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users/{userName}").WithTags("Users").RequireAuthorization();
        group.MapGet("/absence", GetAsync).WithSummary("The user's current or next absence; 404 when none.");
        group.MapPut("/absence", PutAsync).WithSummary("Records an absence with its deputy, replacing one not yet ended.");
        group.MapDelete("/absence", DeleteAsync).WithSummary("Ends the user's absence now.");
        group.MapPost("/handover", HandoverAsync).WithSummary("Moves all the user's open tasks to their deputy (or to 'to') in one transaction.");
        return app;
    }

    public sealed record AbsenceResponse(string UserName, string Deputy, DateTimeOffset From, DateTimeOffset Until, string Reason, bool Active, string CreatedBy);

    private static async Task<IResult> GetAsync(string userName, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (Refuse(userName, principal) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var absence = await CurrentAsync(db, userName, now, cancellationToken);
        return absence is null ? ApiProblems.NotFound($"{userName} has no current or planned absence.") : TypedResults.Ok(ToResponse(absence, now));
    }

    private static async Task<IResult> PutAsync(
        string userName,
        AbsenceRequest request,
        CaseFlowDbContext db,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (Refuse(userName, principal) is { } refused)
        {
            return refused;
        }

        if (!await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return ApiProblems.NotFound($"There is no user '{userName}'.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Deputy) || request.Deputy == userName
            || !await db.Users.AnyAsync(u => u.UserName == request.Deputy && !u.IsDisabled, cancellationToken))
        {
            errors["deputy"] = [$"deputy must be another active user ('{request.Deputy}' is not)."];
        }

        if (request.From is null || request.Until is null || request.Until <= request.From)
        {
            errors["until"] = ["from and until are required, and until must be after from."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"reason is required, at most {MaxReasonLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var now = clock.GetUtcNow();
        var actor = CurrentUser.From(principal).UserName;
        var previous = await CurrentAsync(db, userName, now, cancellationToken);
        if (previous is not null)
        {
            // One absence at a time keeps "who is the deputy now" a single answer.
            previous.EndedAt = now;
            previous.EndedBy = actor;
        }

        var absence = new StoredAbsence
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            Deputy = request.Deputy!,
            From = request.From!.Value.ToUniversalTime(),
            Until = request.Until!.Value.ToUniversalTime(),
            Reason = request.Reason!.Trim(),
            CreatedBy = actor,
            CreatedAt = now,
        };
        db.Absences.Add(absence);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(absence, now));
    }

    private static async Task<IResult> DeleteAsync(string userName, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (Refuse(userName, principal) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var absence = await CurrentAsync(db, userName, now, cancellationToken);
        if (absence is null)
        {
            return ApiProblems.NotFound($"{userName} has no current or planned absence.");
        }

        absence.EndedAt = now;
        absence.EndedBy = CurrentUser.From(principal).UserName;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(absence, now));
    }

    private static async Task<IResult> HandoverAsync(
        string userName,
        HandoverRequest request,
        CaseFlowDbContext db,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (Refuse(userName, principal) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength)
        {
            return ApiProblems.Field("reason", $"reason is required, at most {MaxReasonLength} characters.");
        }

        var now = clock.GetUtcNow();
        var deputies = await Deputies.LoadAsync(db, now, cancellationToken);
        var to = string.IsNullOrWhiteSpace(request.To) ? (deputies.IsAbsent(userName) ? deputies.Resolve(userName) : null) : request.To.Trim();
        if (to is null)
        {
            return ApiProblems.Field("to", $"{userName} is not absent, so there is no deputy; say who receives the tasks in 'to'.");
        }

        if (to == userName || !await db.Users.AnyAsync(u => u.UserName == to && !u.IsDisabled, cancellationToken))
        {
            return ApiProblems.Field("to", $"'{to}' is not another active user.");
        }

        var actor = CurrentUser.From(principal).UserName;
        var tasks = await db.Tasks.Where(t => t.Assignee == userName && t.State == TaskState.Open).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.Assignee = to;
            if (task.CaseId is { } caseId)
            {
                db.CaseEvents.Add(new StoredCaseEvent
                {
                    CaseId = caseId,
                    At = now,
                    Actor = actor,
                    Event = "TaskHandedOver",
                    Details = $"{task.Name}: {userName} → {to} — {request.Reason.Trim()}",
                });
            }
        }

        // One SaveChanges: all tasks move or none do. A task completed meanwhile is simply no longer open afterwards.
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { from = userName, to, tasks = tasks.Select(t => new { t.Id, t.Name, t.CaseId }).ToList() });
    }

    private static IResult? Refuse(string userName, ClaimsPrincipal principal)
    {
        var user = CurrentUser.From(principal);
        return user.UserName == userName || user.IsSupervisorOrAdmin
            ? null
            : ApiProblems.Forbidden("Only the user themself, a Supervisor or an Admin may manage this user's absence and tasks.");
    }

    private static Task<StoredAbsence?> CurrentAsync(CaseFlowDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Absences.Where(a => a.UserName == userName && a.EndedAt == null && a.Until > now)
            .OrderByDescending(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    private static AbsenceResponse ToResponse(StoredAbsence a, DateTimeOffset now) =>
        new(a.UserName, a.Deputy, a.From, a.Until, a.Reason, a.EndedAt is null && a.From <= now && a.Until > now, a.CreatedBy);
}
