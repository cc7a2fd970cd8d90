using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/incidents</c>: the faulted instances an operator must look at, newest first.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents", ListAsync)
            .WithTags("Instance operations")
            .WithSummary("Open incidents (faulted instances), newest first; filter with processKey.")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.LegalOfficer));
        return app;
    }

    public sealed record IncidentResponse(
        Guid InstanceId,
        string ProcessKey,
        int Version,
        Guid? CaseId,
        string ElementId,
        string Kind,
        string Message,
        DateTimeOffset At);

    public sealed record IncidentListResponse(IReadOnlyList<IncidentResponse> Items, int Total);

    private static async Task<IResult> ListAsync(
        CaseFlowDbContext db,
        Security.CaseAccess access,
        System.Security.Claims.ClaimsPrincipal principal,
        string? processKey,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Faulted && i.IncidentKind != null);
        var user = CurrentUser.From(principal);
        if (!Security.CaseAccess.SeesAll(user))
        {
            var visible = access.VisibleIds(user);
            query = query.Where(i => i.CaseId == null || visible.Contains(i.CaseId.Value));
        }

        if (!string.IsNullOrWhiteSpace(processKey))
        {
            query = query.Where(i => i.ProcessKey == processKey);
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.IncidentAt).ThenBy(i => i.Id).Skip(skip).Take(take)
            .Select(i => new IncidentResponse(i.Id, i.ProcessKey, i.ProcessVersion, i.CaseId, i.IncidentElementId!, i.IncidentKind!, i.IncidentMessage ?? "", i.IncidentAt ?? i.UpdatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentListResponse(rows, total));
    }
}
