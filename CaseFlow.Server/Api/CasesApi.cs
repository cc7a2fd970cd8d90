using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>Complaints and reports: intake, the case view and the case list.</summary>
public static class CasesApi
{
    /// <summary>A case is text only (documents are uploaded separately), so 256 KB is generous.</summary>
    public const int MaxCaseBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        group.MapPost("/", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Intake, Roles.Supervisor, Roles.Admin))
            .WithSummary("Registers a complaint or report and starts its process. Honours Idempotency-Key.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("The case with deadlines, open tasks and timeline; personal data masked.");
        group.MapGet("/", ListAsync).WithSummary("Cases filtered by status, office and text; by idNumber or phone only with the unmask right and a reason (audited, limited per user).");
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest http,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CaseIntakeService intake,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var body = await LimitedBody.ReadAsync(http, MaxCaseBytes, cancellationToken);
        if (body is null)
        {
            return LimitedBody.TooLarge(MaxCaseBytes);
        }

        CreateCaseRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CreateCaseRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return ApiProblems.Field(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.'), "This value has the wrong type or the JSON is malformed: " + ex.Message);
        }

        var errors = CaseRequestValidator.Validate(request, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        if (idempotencyKey is { Length: > 100 })
        {
            return ApiProblems.Field("Idempotency-Key", "The Idempotency-Key header is longer than 100 characters.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var user = CurrentUser.From(principal);
        var outcome = await intake.RegisterAsync(request!, hash, idempotencyKey, user.UserName, cancellationToken);
        return outcome switch
        {
            IntakeOutcome.Created created => TypedResults.Created($"/api/cases/{created.Case.Id}", Created(created.Case, created.Linked)),
            IntakeOutcome.Replayed replayed => TypedResults.Ok(Created(replayed.Case, replayed.Linked)),
            IntakeOutcome.KeyReused => ApiProblems.Conflict("This Idempotency-Key was already used with a different request body; use a new key for a new case."),
            IntakeOutcome.NoProcess none => TypedResults.Problem(
                $"No published process '{none.ProcessKey}' exists for this kind of case; a legal officer must publish one.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No process"),
            _ => throw new InvalidOperationException("Unknown intake outcome."),
        };
    }

    private static CaseCreatedResponse Created(Persistence.Entities.StoredCase c, IReadOnlyList<Persistence.Entities.StoredCase>? linked = null) =>
        new(c.Id, c.Number, JsonNamingPolicy.CamelCase.ConvertName(c.Status.ToString()), c.ProcessInstanceId,
            linked is null || linked.Count == 0 ? null : linked.Select(l => Created(l)).ToList());

    private static async Task<IResult> GetAsync(Guid id, bool? unmask, string? reason, CaseViewBuilder views, CaseAccess access, AuditTrail audit, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        if (!await access.CanSeeAsync(id, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        if (unmask == true && await UnmaskRefusedAsync(id, user, reason, audit, cancellationToken) is { } refused)
        {
            return refused;
        }

        var view = await views.BuildAsync(id, cancellationToken, unmasked: unmask == true, visibleIds: CaseAccess.SeesAll(user) ? null : access.VisibleIds(user));
        return view is null ? ApiProblems.NotFound($"Case {id} does not exist.") : TypedResults.Ok(view);
    }

    /// <summary>Null when the user may unmask and the read is recorded (who, when, why, which case); otherwise the refusal.</summary>
    private static async Task<IResult?> UnmaskRefusedAsync(Guid id, CurrentUser user, string? reason, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!UnmaskRights.MayUnmask(user))
        {
            await audit.RecordNowAsync(user.UserName, AuditActions.AccessDenied, id, "unmask refused: no PersonalDataReader or Supervisor role", cancellationToken);
            return ApiProblems.Forbidden("Reading personal data unmasked needs the PersonalDataReader or Supervisor role.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return ApiProblems.Field("reason", "reason is required to read personal data unmasked (at most 500 characters); it is recorded. 查看完整个人信息须填写事由。");
        }

        await audit.RecordNowAsync(user.UserName, AuditActions.UnmaskedRead, id, reason.Trim(), cancellationToken);
        return null;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        CaseFlowDbContext db,
        CaseAccess access,
        ClaimsPrincipal principal,
        string? status,
        string? officeId,
        string? q,
        string? idNumber,
        string? phone,
        string? reason,
        Security.PersonalDataProtector protector,
        AuditTrail audit,
        PersonalDataSearchLimiter searchLimiter,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        foreach (var (field, value) in new[] { ("idNumber", idNumber), ("phone", phone) })
        {
            if (!string.IsNullOrWhiteSpace(value)
                && await PersonalDataSearchGuard.RefusedAsync(http, user, field, value, reason, audit, searchLimiter, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var filtered = !string.IsNullOrEmpty(status) || !string.IsNullOrEmpty(officeId) || !string.IsNullOrWhiteSpace(idNumber)
            || !string.IsNullOrWhiteSpace(phone) || !string.IsNullOrWhiteSpace(q);
        if (!filtered && VisibleCaseList.Applies(user, skip, take))
        {
            // The workbench's list (no filter) of a user who sees a share of the cases: work bounded by the page (issue 23).
            var (rows, count) = await VisibleCaseList.ReadAsync(db, user, skip, take, cancellationToken);
            return Page(rows, count);
        }

        var query = access.Visible(db.Cases.AsNoTracking(), user);
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var parsed))
            {
                return ApiProblems.Field("status", $"status must be one of: {string.Join(", ", Enum.GetNames<CaseStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
            }

            query = query.Where(c => c.Status == parsed);
        }

        if (!string.IsNullOrEmpty(officeId))
        {
            query = query.Where(c => c.OfficeId == officeId);
        }

        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var hash = protector.LookupHash(idNumber);
            query = query.Where(c => c.ComplainantIdNumberHash == hash);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var hash = protector.PhoneHash(phone); // phones are encrypted: matched by keyed hash of the normalised number
            query = query.Where(c => hash != null && c.ComplainantPhoneHash == hash);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Number.Contains(text) || c.Subject.Contains(text) || c.RespondentName.Contains(text));
        }

        // Ties on ReceivedAt are broken by id, so pages do not overlap and both paths give the same order.
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CaseListRow(c.Id, c.Number, c.Kind, c.Status, c.OfficeId, c.Subject, c.RespondentName, c.ReceivedAt))
            .ToListAsync(cancellationToken);
        return Page(items, total);
    }

    private static Ok<PageResponse<CaseSummaryResponse>> Page(List<CaseListRow> rows, int total) =>
        TypedResults.Ok(new PageResponse<CaseSummaryResponse>(
            rows.Select(c => new CaseSummaryResponse(c.Id, c.Number, c.Kind, JsonNamingPolicy.CamelCase.ConvertName(c.Status.ToString()), c.OfficeId, c.Subject, c.RespondentName, c.ReceivedAt)).ToList(),
            total));
}
