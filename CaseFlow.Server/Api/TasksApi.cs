using System.Linq.Expressions;
using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Server.Absences;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Forms;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>Task queues and the claim / complete / assign actions.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Queues: mine, candidate (my groups, unclaimed), all (supervisors).");
        group.MapGet("/{id:guid}", TaskFormApi.GetAsync).WithSummary("One task with its form (labels in the caller's language).");
        group.MapPost("/{id:guid}/claim", ClaimAsync);
        group.MapPost("/{id:guid}/release", ReleaseAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        group.MapPost("/{id:guid}/assign", AssignAsync).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Variables);

    public sealed record AssignTaskRequest(string? UserName);

    private static async Task<IResult> ListAsync(
        CaseFlowDbContext db,
        IBusinessCalendar calendar,
        TimeProvider clock,
        ClaimsPrincipal principal,
        string? scope,
        string? state,
        bool? overdue,
        Guid? caseId,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var now = clock.GetUtcNow();
        var wantedScope = scope ?? "mine";
        if (wantedScope is not ("mine" or "candidate" or "all"))
        {
            return ApiProblems.Field("scope", "scope must be one of: mine, candidate, all.");
        }

        if (wantedScope == "all" && !user.IsSupervisorOrAdmin)
        {
            return ApiProblems.Forbidden("Only supervisors and administrators may list all tasks; use scope=mine or scope=candidate.");
        }

        var wanted = state ?? "open";
        if (wanted is not ("open" or "completed"))
        {
            return ApiProblems.Field("state", "state must be one of: open, completed.");
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        if (wanted == "open" && caseId is null)
        {
            // The work queues proper: index ranges of TaskQueueEntries, so their cost does not grow with closed work.
            var queues = TaskQueueQuery.QueuesFor(wantedScope, user);
            if (queues.Count == 0)
            {
                return TypedResults.Ok(new PageResponse<TaskResponse>([], 0));
            }

            var lines = TaskQueueQuery.Lines(db, queues, overdue == true ? now : null);
            var count = await lines.CountAsync(cancellationToken);
            var found = await PageRowsAsync(db, TaskQueueQuery.PageTasks(db, lines, skip, take), calendar, now, cancellationToken);
            return TypedResults.Ok(new PageResponse<TaskResponse>(found, count));
        }

        // Completed work, or one case's tasks: read from Tasks (a case has a handful; history is read rarely).
        var query = db.Tasks.AsNoTracking();
        query = wantedScope switch
        {
            "mine" => query.Where(t => t.Assignee == user.UserName),
            "candidate" => query.Where(t => t.Assignee == null).Where(InAnyGroup(user.Groups, user.IsAdmin)),
            _ => query,
        };
        query = wanted == "open" ? query.Where(t => t.State == TaskState.Open) : query.Where(t => t.State == TaskState.Completed);
        if (overdue == true)
        {
            query = query.Where(t => t.State == TaskState.Open && t.DueAt != null && t.DueAt < now);
        }

        if (caseId is { } id)
        {
            query = query.Where(t => t.CaseId == id);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).Skip(skip).Take(take);
        var rows = await PageRowsAsync(db, ordered, calendar, now, cancellationToken);
        return TypedResults.Ok(new PageResponse<TaskResponse>(rows, total));
    }

    /// <summary>The tasks of one page with their case's number, subject, respondent and office and the highest escalation.</summary>
    private static async Task<List<TaskResponse>> PageRowsAsync(
        CaseFlowDbContext db, IQueryable<StoredTask> tasks, IBusinessCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await tasks
            .GroupJoin(db.Cases, t => t.CaseId, c => c.Id, (t, cs) => new { Task = t, Cases = cs })
            .SelectMany(x => x.Cases.DefaultIfEmpty(), (x, c) => new
            {
                x.Task,
                Number = c == null ? null : c.Number,
                Subject = c == null ? null : c.Subject,
                Respondent = c == null ? null : c.RespondentName,
                OfficeId = c == null ? null : c.OfficeId,
                Level = db.Escalations.Where(e => e.TaskId == x.Task.Id).Max(e => (int?)e.Level) ?? 0,
            })
            .ToListAsync(cancellationToken);
        var page = rows.Select(r => TaskViews.ToResponse(r.Task, r.Number, calendar, now, r.Level, r.Subject, r.Respondent, r.OfficeId)).ToList();
        var names = await DirectoryNames.ForTasksAsync(db, page, cancellationToken);
        return page.Select(names.Named).ToList();
    }

    /// <summary>Builds <c>t.CandidateGroups LIKE '%,g1,%' OR ...</c> for the user's groups (admins see every group).</summary>
    private static Expression<Func<StoredTask, bool>> InAnyGroup(IReadOnlySet<string> groups, bool isAdmin)
    {
        if (isAdmin)
        {
            return t => true;
        }

        var task = Expression.Parameter(typeof(StoredTask), "t");
        var property = Expression.Property(task, nameof(StoredTask.CandidateGroups));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var group in groups)
        {
            body = Expression.OrElse(body, Expression.Call(property, contains, Expression.Constant("," + group + ",")));
        }

        return Expression.Lambda<Func<StoredTask, bool>>(body, task);
    }

    private static async Task<IResult> ClaimAsync(Guid id, CaseFlowDbContext db, CaseAccess access, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !await access.CanSeeTaskAsync(task, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Task {id} does not exist.");
        }

        if (task.State != TaskState.Open)
        {
            return ApiProblems.Conflict("This task is already completed.");
        }

        if (task.Assignee == user.UserName)
        {
            return TypedResults.Ok(new { id, assignee = user.UserName });
        }

        if (task.Assignee is not null)
        {
            return ApiProblems.Conflict($"This task is held by {task.Assignee}; ask a supervisor to reassign it.");
        }

        // A decision reserved to office-holders (立案, transfer, collective discussion) is theirs alone, whatever the role.
        var reserved = OfficeHolders.IsReserved(task);
        if (reserved ? !await OfficeHolders.MayDecideAsync(db, task, user.UserName, user.Groups, clock.GetUtcNow(), cancellationToken) : !user.IsInAnyGroup(task.CandidateGroupList))
        {
            return ApiProblems.Forbidden(reserved ? OfficeHolders.Refusal(task) : "This task is not offered to any of your groups.");
        }

        // Conditional update: of two users claiming at once, exactly one sees a row change.
        var claimed = await AuditedAssignment.ChangeAsync(
            db, clock, db.Tasks.Where(t => t.Id == id && t.Assignee == null && t.State == TaskState.Open), user.UserName,
            new(user.UserName, task.CaseId, id, $"claimed: - → {user.UserName}"), cancellationToken);
        if (!claimed)
        {
            return ApiProblems.Conflict("Someone else claimed this task a moment ago.");
        }

        return TypedResults.Ok(new { id, assignee = user.UserName });
    }

    private static async Task<IResult> ReleaseAsync(Guid id, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var caseId = await db.Tasks.Where(t => t.Id == id).Select(t => t.CaseId).FirstOrDefaultAsync(cancellationToken);
        var released = await AuditedAssignment.ChangeAsync(
            db, clock, db.Tasks.Where(t => t.Id == id && t.Assignee == user.UserName && t.State == TaskState.Open), null,
            new(user.UserName, caseId, id, $"released: {user.UserName} → -"), cancellationToken);
        if (released)
        {
            return TypedResults.Ok(new { id, assignee = (string?)null });
        }

        return await db.Tasks.AnyAsync(t => t.Id == id, cancellationToken)
            ? ApiProblems.Conflict("You do not hold this open task.")
            : ApiProblems.NotFound($"Task {id} does not exist.");
    }

    private static async Task<IResult> CompleteAsync(
        Guid id,
        CompleteTaskRequest? request,
        CaseFlowDbContext db,
        WorkflowCommandRunner runner,
        CaseAccess access,
        TaskForms forms,
        HttpContext http,
        TimeProvider clock,
        IBusinessCalendar calendar,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !await access.CanSeeTaskAsync(task, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Task {id} does not exist.");
        }

        if (task.State != TaskState.Open)
        {
            return ApiProblems.Conflict($"This task was already {(task.State == TaskState.Completed ? "completed by " + task.CompletedBy : "withdrawn by the process")}.");
        }

        var allowed = task.Assignee == user.UserName || (task.Assignee is null && user.IsInAnyGroup(task.CandidateGroupList));
        var reserved = OfficeHolders.IsReserved(task);
        if (reserved && (task.Assignee is null || task.Assignee == user.UserName))
        {
            // Held or not, a decision reserved to office-holders is completed only by one of them (or the one entrusted).
            allowed = await OfficeHolders.MayDecideAsync(db, task, user.UserName, user.Groups, clock.GetUtcNow(), cancellationToken);
        }

        if (!allowed)
        {
            return ApiProblems.Forbidden(task.Assignee is not null && task.Assignee != user.UserName
                ? $"This task is assigned to {task.Assignee}; only they can complete it."
                : reserved ? OfficeHolders.Refusal(task) : "This task is not offered to any of your groups.");
        }

        var outcomes = task.OutcomeList;
        var outcome = request?.Outcome;
        if (outcomes.Count > 0 && (outcome is null || !outcomes.Contains(outcome)))
        {
            return ApiProblems.Field("outcome", $"outcome must be one of: {string.Join(", ", outcomes)}.");
        }

        var (errors, variables) = await CompletionCheck.RunAsync(db, forms, task, outcome, request?.Variables, UiLanguage.From(http.Request), cancellationToken);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        // Who decided (office-holders) and the checked collective discussion are written by the server, never taken as sent.
        var decision = await DecisionRecords.ApplyAsync(db, task, user, reserved, variables, clock.GetUtcNow(), calendar.ToLocalDate(clock.GetUtcNow()), cancellationToken);
        if (decision.Count > 0)
        {
            return ApiProblems.Validation(decision);
        }

        try
        {
            await runner.CompleteTaskAsync(task.InstanceId, id, outcome, variables, user.UserName, cancellationToken);
        }
        catch (BookmarkNotFoundException)
        {
            return ApiProblems.Conflict("This task was completed or withdrawn a moment ago.");
        }

        return TypedResults.Ok(new { id, state = "completed", outcome });
    }

    private static async Task<IResult> AssignAsync(Guid id, AssignTaskRequest? request, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            return ApiProblems.Field("userName", "userName is required.");
        }

        var target = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName && !u.IsDisabled, cancellationToken);
        if (target is null)
        {
            return ApiProblems.Field("userName", $"There is no active user '{request.UserName}'.");
        }

        // A task given to someone absent goes to their deputy; the answer says so, so the supervisor is not surprised.
        var assignee = (await Deputies.LoadAsync(db, clock.GetUtcNow(), cancellationToken)).Resolve(request.UserName);
        var open = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (open is not null && OfficeHolders.IsReserved(open))
        {
            // A supervisor cannot hand an office-holder's decision to someone who does not hold that office.
            var holderGroups = assignee == target.UserName ? target.GroupList
                : await db.Users.AsNoTracking().Where(u => u.UserName == assignee).Select(u => u.Groups).FirstOrDefaultAsync(cancellationToken) is { } g
                    ? g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (!await OfficeHolders.MayDecideAsync(db, open, assignee, holderGroups, clock.GetUtcNow(), cancellationToken))
            {
                return ApiProblems.Field("userName", OfficeHolders.Refusal(open));
            }
        }

        var before = await db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.CaseId, t.Assignee }).FirstOrDefaultAsync(cancellationToken);
        var updated = await AuditedAssignment.ChangeAsync(
            db, clock, db.Tasks.Where(t => t.Id == id && t.State == TaskState.Open), assignee,
            new(CurrentUser.From(principal).UserName, before?.CaseId, id, $"assigned: {before?.Assignee ?? "-"} → {assignee}"), cancellationToken);
        if (updated)
        {
            return TypedResults.Ok(new
            {
                id,
                assignee,
                deputyFor = assignee == request.UserName ? null : request.UserName,
                message = assignee == request.UserName ? null : $"{request.UserName} is absent; the task went to the deputy {assignee}.",
            });
        }

        return await db.Tasks.AnyAsync(t => t.Id == id, cancellationToken)
            ? ApiProblems.Conflict("This task is no longer open.")
            : ApiProblems.NotFound($"Task {id} does not exist.");
    }
}
