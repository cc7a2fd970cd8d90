using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// Measures and events recorded on a case and the deadlines they open (issue 16, item 5): <c>POST
/// /api/cases/{id}/measures</c>, <c>POST /api/cases/{id}/deadlines</c> (any rule from a given start), <c>POST
/// .../deadlines/{deadlineId}/complete</c>, <c>PUT /api/cases/{id}/conduct-date</c> and <c>GET /api/measure-kinds</c>.
/// Allowed to supervisors, admins, legal officers and the handlers of the case's office; a case the caller may not see
/// is a 404.
/// </summary>
public static class CaseMeasuresApi
{
    public static IEndpointRouteBuilder MapCaseMeasuresApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases/{id:guid}").WithTags("Deadlines").RequireAuthorization();
        cases.MapPost("/measures", RecordAsync).WithSummary("Records a measure or event (seizure, fine decided, cash collected, ...) and opens the statutory deadlines it starts.");
        cases.MapPost("/deadlines", OpenAsync).WithSummary("Opens the deadline of any rule in force on the case's receipt, counted from startedAt.");
        cases.MapPost("/deadlines/{deadlineId:guid}/complete", CompleteAsync).WithSummary("Ends a case-level deadline: met when on time, breached when late.");
        cases.MapPut("/conduct-date", SetConductDateAsync).WithSummary("Sets the conduct date the limitation periods count from (APL Art. 36; O121 Art. 16(4)).");
        app.MapGet("/api/measure-kinds", () => TypedResults.Ok(CaseMeasureKind.All.Select(k => new { code = k.Code, nameZh = k.NameZh, rules = k.Rules, complaintRule = k.ComplaintRule })))
            .WithTags("Deadlines").RequireAuthorization().WithSummary("The measure kinds and the rules each opens.");
        return app;
    }

    private static async Task<IResult> RecordAsync(Guid id, JsonObject? body, CaseMeasureRecorder recorder, IBusinessCalendar calendar, CaseFlowDbContext db, CaseAccess access, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(id, principal, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var fields = new JsonFields(body);
        var kind = fields.Text("kind", 64);
        if (CaseMeasureKind.Find(kind) is null)
        {
            fields.Errors["kind"] = [$"kind must be one of: {string.Join(", ", CaseMeasureKind.All.Select(k => k.Code))}. 措施类型无效。"];
        }

        var at = fields.Instant("at") ?? now;
        fields.NotFuture("at", at, now);
        var servedAt = fields.Instant("servedAt");
        fields.NotFuture("servedAt", servedAt, now);
        var input = new CaseMeasureInput(
            kind ?? "",
            at,
            fields.Text("note"),
            fields.Date("hearingDate"),
            fields.Number("fineAmount"),
            fields.Number("confiscationAmount"),
            fields.Number("amount"),
            fields.Text("decisionNumber", 64),
            servedAt);
        if (fields.Errors.Count > 0)
        {
            return ApiProblems.Validation(fields.Errors);
        }

        var outcome = await recorder.RecordAsync(id, input, Actor(principal), cancellationToken);
        return outcome.Refused ? Problem(outcome) : TypedResults.Created($"/api/cases/{id}", Answer(calendar, id, input.Kind, outcome));
    }

    private static async Task<IResult> OpenAsync(Guid id, JsonObject? body, CaseDeadlineCommands commands, IBusinessCalendar calendar, CaseFlowDbContext db, CaseAccess access, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(id, principal, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var fields = new JsonFields(body);
        var rule = fields.Text("rule", 64);
        if (rule is null && !fields.Errors.ContainsKey("rule"))
        {
            fields.Errors["rule"] = ["rule is required: a rule code such as ppr.seizure (GET /api/rule-sets). 须填写期限规则代码。"];
        }

        var startedAt = fields.Instant("startedAt") ?? now;
        if (rule != "ppr.hearing-notice")
        {
            fields.NotFuture("startedAt", startedAt, now);
        }

        var reason = fields.Text("reason");
        if (fields.Errors.Count > 0)
        {
            return ApiProblems.Validation(fields.Errors);
        }

        var outcome = await commands.OpenAsync(id, rule!, startedAt, reason, Actor(principal), cancellationToken);
        return outcome.Refused ? Problem(outcome) : TypedResults.Created($"/api/cases/{id}", Answer(calendar, id, null, outcome));
    }

    private static async Task<IResult> CompleteAsync(Guid id, Guid deadlineId, JsonObject? body, CaseDeadlineCommands commands, IBusinessCalendar calendar, CaseFlowDbContext db, CaseAccess access, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(id, principal, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var fields = new JsonFields(body);
        var reason = fields.Text("reason");
        if (reason is null && !fields.Errors.ContainsKey("reason"))
        {
            fields.Errors["reason"] = ["reason is required: what ended the period (seizure lifted, cash handed in, ...). 须填写期限结束的事由。"];
        }

        var completedAt = fields.Instant("completedAt") ?? now;
        fields.NotFuture("completedAt", completedAt, now);
        if (fields.Errors.Count > 0)
        {
            return ApiProblems.Validation(fields.Errors);
        }

        var outcome = await commands.CompleteAsync(id, deadlineId, completedAt, reason!, Actor(principal), cancellationToken);
        return outcome.Refused ? Problem(outcome) : TypedResults.Ok(Answer(calendar, id, null, outcome));
    }

    private static async Task<IResult> SetConductDateAsync(Guid id, JsonObject? body, CaseFlowDbContext db, CaseAccess access, IBusinessCalendar calendar, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(id, principal, db, access, cancellationToken, allowIntake: true) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var fields = new JsonFields(body);
        var conductDate = fields.Date("conductDate");
        if (conductDate is null && !fields.Errors.ContainsKey("conductDate"))
        {
            fields.Errors["conductDate"] = ["conductDate is required (a date like 2025-03-01): the day of the conduct, or the day the complainant knew of the harm. 须填写违法行为发生日（或知道权益受侵害之日）。"];
        }
        else if (conductDate > calendar.ToLocalDate(now))
        {
            fields.Errors["conductDate"] = ["conductDate may not be in the future. 日期不得晚于今天。"];
        }

        var seriousHarm = fields.Flag("seriousHarm");
        var reason = fields.Text("reason");
        if (fields.Errors.Count > 0)
        {
            return ApiProblems.Validation(fields.Errors);
        }

        var storedCase = await db.Cases.SingleAsync(c => c.Id == id, cancellationToken);
        var before = storedCase.ConductDate;
        storedCase.ConductDate = conductDate;
        storedCase.ConductSeriousHarm = seriousHarm ?? storedCase.ConductSeriousHarm;
        var label = storedCase.Kind == "complaint" ? "知道或者应当知道权益受到侵害之日" : "违法行为发生（终了）之日";
        db.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = id,
            At = now,
            Actor = Actor(principal),
            Event = "ConductDateSet",
            Details = $"{label}：{conductDate:yyyy-MM-dd}{(before is { } b && b != conductDate ? $"（原为 {b:yyyy-MM-dd}）" : "")}"
                + (storedCase.ConductSeriousHarm ? "；涉及公民生命健康安全、金融安全且有危害后果" : "")
                + (reason is null ? "" : "：" + reason),
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { id, conductDate = conductDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), seriousHarm = storedCase.ConductSeriousHarm });
    }

    /// <summary>Null when the caller may act on the case's measures; 404 when it is hidden, 403 for the wrong role.</summary>
    private static async Task<IResult?> RefusedAsync(Guid caseId, ClaimsPrincipal principal, CaseFlowDbContext db, CaseAccess access, CancellationToken cancellationToken, bool allowIntake = false)
    {
        var user = CurrentUser.From(principal);
        if (!await access.CanSeeAsync(caseId, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Case {caseId} does not exist.");
        }

        if (user.IsSupervisorOrAdmin || user.Roles.Contains(Roles.LegalOfficer) || (allowIntake && user.Roles.Contains(Roles.Intake)))
        {
            return null;
        }

        if (user.Roles.Contains(Roles.Handler))
        {
            var officeId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.OfficeId).SingleOrDefaultAsync(cancellationToken);
            if (officeId is not null && user.Groups.Contains(officeId))
            {
                return null;
            }
        }

        return ApiProblems.Forbidden("Only supervisors, admins, legal officers and the handlers of the case's office may record measures and open or end its deadlines. 仅承办监管所执法人员、法制人员和负责人可以记录措施。");
    }

    private static object Answer(IBusinessCalendar calendar, Guid caseId, string? kind, MeasureOutcome outcome) => new
    {
        caseId,
        kind,
        deadlines = outcome.Deadlines.Select(d => new
        {
            id = d.Id,
            name = d.Name,
            ruleCode = d.RuleCode,
            rule = d.Rule,
            legalBasis = d.LegalBasis,
            startedAt = d.StartedAt,
            dueAt = d.DueAt,
            dueDate = calendar.ToLocalDate(d.DueAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            state = JsonNamingPolicy.CamelCase.ConvertName(d.State.ToString()),
            completedAt = d.CompletedAt,
        }),
    };

    private static IResult Problem(MeasureOutcome outcome) => outcome switch
    {
        { NotFound: true } => ApiProblems.NotFound(outcome.Problem!),
        { Field: { } field } => ApiProblems.Field(field, outcome.Problem!),
        _ => ApiProblems.Conflict(outcome.Problem!),
    };

    private static string Actor(ClaimsPrincipal principal) => CurrentUser.From(principal).UserName;
}
