using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/cases/{id}/deadlines/{deadlineId}/suspend|resume|extend</c>: statutory deadlines stopped for excluded time and
/// extended under their rule's policy. Supervisors and admins; the handler of the case's office may suspend and resume.
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

    private static async Task<IResult> ExtendAsync(Guid id, Guid deadlineId, DeadlineChangeRequest? request, DeadlineOperations operations, CaseFlowDbContext db, CaseAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await ForbiddenAsync(id, principal, allowOfficeHandler: false, db, access, cancellationToken) is { } refused)
        {
            return refused;
        }

        var errors = OperationProblems.ReasonErrors(request?.Reason);
        if (string.IsNullOrWhiteSpace(request?.ApprovedBy))
        {
            errors["approvedBy"] = ["approvedBy is required: who approved the extension."];
        }

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

        return Answer(await operations.ExtendAsync(id, deadlineId, request!.Reason!.Trim(), request.ApprovedBy!.Trim(), approval, Actor(principal), cancellationToken));
    }

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

        return ApiProblems.Forbidden(allowOfficeHandler
            ? "Only supervisors, admins and the handlers of the case's office may suspend or resume its deadlines."
            : "Only supervisors and admins may extend a deadline.");
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
