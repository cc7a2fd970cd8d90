using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>GET /api/processes/{key}/running</c>: how many instances of a process are still running, by version, for the
/// designer's confirmation before publishing (they finish on their version; new cases take the new one). Counts only,
/// so every instance is counted, not just those whose cases the caller may open.
/// </summary>
public static class RunningInstancesApi
{
    public static IEndpointRouteBuilder MapRunningInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/processes/{key}/running", CountAsync)
            .WithTags("Processes")
            .WithSummary("Running instances of a process: { total, byVersion: [ { version, count } ] } (LegalOfficer, Admin, Supervisor).")
            .RequireAuthorization(p => p.RequireRole(Roles.LegalOfficer, Roles.Admin, Roles.Supervisor));
        return app;
    }

    public sealed record VersionCount(int Version, int Count);

    public sealed record RunningInstancesResponse(int Total, IReadOnlyList<VersionCount> ByVersion);

    private static async Task<IResult> CountAsync(string key, CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var byVersion = await db.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == key && i.Status == InstanceStatus.Running)
            .GroupBy(i => i.ProcessVersion)
            .Select(g => new VersionCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var ordered = byVersion.OrderBy(v => v.Version).ToList();
        return TypedResults.Ok(new RunningInstancesResponse(ordered.Sum(v => v.Count), ordered));
    }
}
