using System.Text.Json;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/instances</c>: instances of a process, or the children a call activity started, oldest first.</summary>
public static class InstanceListApi
{
    public static IEndpointRouteBuilder MapInstanceListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/instances", ListAsync)
            .WithTags("Instances")
            .WithSummary("Instances filtered by processKey, parentInstanceId (children of call activities) and status; oldest first.")
            .RequireAuthorization();
        return app;
    }

    public sealed record InstanceSummary(Guid Id, string ProcessKey, int Version, string Status, string? BusinessKey, Guid? CaseId, Guid? ParentInstanceId, DateTimeOffset CreatedAt);

    public sealed record InstanceListResponse(IReadOnlyList<InstanceSummary> Items, int Total);

    private static async Task<IResult> ListAsync(
        CaseFlowDbContext db,
        Security.CaseAccess access,
        System.Security.Claims.ClaimsPrincipal principal,
        string? processKey,
        Guid? parentInstanceId,
        string? status,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var query = db.Instances.AsNoTracking();
        var user = Auth.CurrentUser.From(principal);
        if (!Security.CaseAccess.SeesAll(user))
        {
            var visible = access.VisibleIds(user);
            query = query.Where(i => i.CaseId == null || visible.Contains(i.CaseId.Value));
        }

        if (!string.IsNullOrWhiteSpace(processKey))
        {
            query = query.Where(i => i.ProcessKey == processKey);
        }

        if (parentInstanceId is { } parent)
        {
            query = query.Where(i => i.ParentInstanceId == parent);
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var parsed))
            {
                return ApiProblems.Field("status", "status must be running, completed, cancelled or faulted.");
            }

            query = query.Where(i => i.Status == parsed);
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var items = rows.Select(i => new InstanceSummary(
            i.Id, i.ProcessKey, i.ProcessVersion, JsonNamingPolicy.CamelCase.ConvertName(i.Status.ToString()), i.BusinessKey, i.CaseId, i.ParentInstanceId, i.CreatedAt)).ToList();
        return TypedResults.Ok(new InstanceListResponse(items, total));
    }
}
