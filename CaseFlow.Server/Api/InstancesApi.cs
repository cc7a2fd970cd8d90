using System.Text.Json;
using CaseFlow.Server.Commands;
using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/instances/{id}</c>: where an instance stands and what it did.</summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/instances/{id:guid}", GetAsync).WithTags("Instances").RequireAuthorization();
        return app;
    }

    private static async Task<IResult> GetAsync(Guid id, CaseFlowDbContext db, CaseAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var stored = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

        // A case's instance carries the case's personal data in its variables: only those who see the case see it.
        if (stored is null || (stored.CaseId is { } caseId && !await access.CanSeeAsync(caseId, CurrentUser.From(principal), cancellationToken)))
        {
            return ApiProblems.NotFound($"Instance {id} does not exist.");
        }

        var state = EngineJson.Deserialize(stored.StateJson);
        var history = await db.HistoryEvents.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Id)
            .Select(h => new { time = h.At, h.ElementId, h.Event, h.Details, h.Actor, h.Reason })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new
        {
            id = stored.Id,
            processKey = stored.ProcessKey,
            version = stored.ProcessVersion,
            businessKey = stored.BusinessKey,
            caseId = stored.CaseId,
            parentInstanceId = stored.ParentInstanceId,
            status = JsonNamingPolicy.CamelCase.ConvertName(stored.Status.ToString()),
            activeElementIds = state.ActiveElementIds,
            variables = state.Variables,
            incident = state.Incident,
            history,
        });
    }
}
