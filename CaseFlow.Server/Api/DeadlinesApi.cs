using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/cases/{id}/deadlines/{deadlineId}/suspend|resume|extend</c>: statutory deadlines stopped for excluded time and
/// extended under their rule's policy. Supervisors and admins (and the handler of the case's office) may suspend and resume;
/// only the bureau's heads in the directory extend (PPR Art. 18, 64), a later PPR Art. 64 extension by collective discussion.
/// </summary>
public static class DeadlinesApi
{
    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/deadlines/{deadlineId:guid}").WithTags("Deadlines").RequireAuthorization();
        group.MapPost("/suspend", SuspendAsync).WithSummary("Stops the clock for an interval kind the rule excludes (testing, hearing, ...).");
        group.MapPost("/resume", ResumeAsync).WithSummary("Restarts the clock; the due date moves by the suspended span in the rule's unit.");
        group.MapPost("/extend", ExtendAsync).WithSummary("Extends by the rule's policy length with the approval the policy requires.");
        return app;
    }

    private static async Task<IResult> SuspendAsync(Guid id, Guid deadlineId, DeadlineChangeRequest? request, DeadlineOperations operations, CaseFlowDbContext db, CaseAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await ForbiddenAsync(id, principal, allowOfficeHandler: true, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (OperationProblems.Reason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        return Answer(await operations.SuspendAsync(id, deadlineId, request!.Reason!.Trim(), request.Kind, Actor(principal), cancellationToken));
    }

    private static async Task<IResult> ResumeAsync(Guid id, Guid deadlineId, DeadlineChangeRequest? request, DeadlineOperations operations, CaseFlowDbContext db, CaseAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await ForbiddenAsync(id, principal, allowOfficeHandler: true, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (OperationProblems.Reason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        return Answer(await operations.ResumeAsync(id, deadlineId, request!.Reason!.Trim(), Actor(principal), cancellationToken));
    }

    private static async Task<IResult> ExtendAsync(
        Guid id,
        Guid deadlineId,
        DeadlineChangeRequest? request,
        DeadlineOperations operations,
        CaseFlowDbContext db,
        CaseAccess access,
        TimeProvider clock,
        IBusinessCalendar calendar,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        if (!await access.CanSeeAsync(id, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        // 经负责人批准 / 负责人集体讨论: the approver is a head in the directory (or the one a head entrusted while away),
        // signed in and approving here; nobody types a head's name on their behalf.
        var now = clock.GetUtcNow();
        var entrusting = user.Groups.Contains(OfficeHolders.BureauHeads)
            ? null
            : await OfficeHolders.EntrustingHolderAsync(db, [OfficeHolders.BureauHeads], user.UserName, now, cancellationToken);
        if (!user.Groups.Contains(OfficeHolders.BureauHeads) && entrusting is null)
        {
            return ApiProblems.Forbidden($"Extensions are approved by the bureau's heads (group {OfficeHolders.BureauHeads}) or the one a head entrusted while away. 延长期限须经局负责人批准。");
        }

        var errors = OperationProblems.ReasonErrors(request?.Reason);

        // Names only: Enum.TryParse would also take "1".
        var approval = default(ExtensionApprover);
        if (!Enum.GetNames<ExtensionApprover>().Contains(request?.Approval, StringComparer.Ordinal) || !Enum.TryParse(request!.Approval, out approval))
        {
            errors["approval"] = [$"approval must be one of {string.Join(", ", Enum.GetNames<ExtensionApprover>())}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var name = await OfficeHolders.DisplayNameAsync(db, user, cancellationToken);
        var reason = request!.Reason!.Trim();
        var approvedBy = entrusting is null ? $"{name}（{user.UserName}）" : $"{name}（{user.UserName}，受 {entrusting} 委托）";
        if (approval == ExtensionApprover.CollectiveDecision)
        {
            var (minutes, problems) = await CollectiveDiscussion.CheckAsync(
                db, request.Discussion?.Participants, request.Discussion?.Conclusion, request.Discussion?.Date, user.UserName,
                calendar.ToLocalDate(now), ("discussion.participants", "discussion.conclusion", "discussion.date"), cancellationToken);
            if (minutes is null)
            {
                return ApiProblems.Validation(problems);
            }

            approvedBy = minutes.ParticipantNames;
            reason = Clip($"{reason}；{minutes.Text}", InstanceOperationsApi.MaxReasonLength);
        }

        return Answer(await operations.ExtendAsync(id, deadlineId, reason, Clip(approvedBy, 200), approval, Actor(principal), cancellationToken, request.Amount ?? request.Days));
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private static async Task<IResult?> ForbiddenAsync(Guid caseId, ClaimsPrincipal principal, bool allowOfficeHandler, CaseFlowDbContext db, CaseAccess access, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        if (!await access.CanSeeAsync(caseId, user, cancellationToken))
        {
            return ApiProblems.NotFound($"Case {caseId} does not exist.");
        }

        if (user.IsSupervisorOrAdmin)
        {
            return null;
        }

        if (allowOfficeHandler && user.Roles.Contains(Roles.Handler))
        {
            var officeId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.OfficeId).SingleOrDefaultAsync(cancellationToken);
            if (officeId is not null && user.Groups.Contains(officeId))
            {
                return null;
            }
        }

        return ApiProblems.Forbidden("Only supervisors, admins and the handlers of the case's office may suspend or resume its deadlines.");
    }

    private static IResult Answer(DeadlineOutcome outcome) => outcome switch
    {
        { Deadline: { } d } => TypedResults.Ok(new { id = d.Id, state = JsonNamingPolicy.CamelCase.ConvertName(d.State.ToString()), dueAt = d.DueAt, ruleCode = d.RuleCode, extensions = d.ExtensionCount }),
        { NotFound: true } => ApiProblems.NotFound(outcome.Problem!),
        { Field: { } field } => ApiProblems.Field(field, outcome.Problem!),
        _ => ApiProblems.Conflict(outcome.Problem!),
    };

    private static string Actor(ClaimsPrincipal principal) => CurrentUser.From(principal).UserName;
}
