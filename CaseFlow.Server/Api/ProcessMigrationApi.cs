using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Runtime.Migration;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>POST /api/processes/{key}/migrate</c>: moves every running instance of one version to another.</summary>
/// <remarks>
/// Each instance is its own transaction, so one unmappable or busy instance does not hold back the others; the
/// answer reports every instance in its counts, and itemises those the caller may see (instances of other offices'
/// cases are counted in <c>notShown</c>). A mapping naming unknown elements is refused as a whole (400) before any change.
/// </remarks>
public static class ProcessMigrationApi
{
    public static IEndpointRouteBuilder MapProcessMigrationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/processes/{key}/migrate", MigrateAllAsync)
            .WithTags("Instance operations")
            .WithSummary("Plans (dryRun) or performs the migration of all running and faulted instances of fromVersion to toVersion.")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.LegalOfficer));
        return app;
    }

    public sealed record ProcessMigrateRequest(int? FromVersion, int? ToVersion, IReadOnlyDictionary<string, string>? Mapping, bool DryRun, string? Reason);

    /// <summary>One instance's part of a bulk migration.</summary>
    /// <param name="InstanceId">The instance.</param>
    /// <param name="Migrated">True when it now runs on the target version.</param>
    /// <param name="Plan">What was (or would be) done, or why not; null when the instance ended meanwhile.</param>
    /// <param name="Error">Why it was skipped, when it was.</param>
    public sealed record InstanceMigrationReport(Guid InstanceId, bool Migrated, MigrationPlan? Plan, string? Error);

    private static async Task<IResult> MigrateAllAsync(
        string key,
        ProcessMigrateRequest? request,
        CaseFlowDbContext db,
        WorkflowCommandRunner runner,
        Security.CaseAccess access,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var errors = OperationProblems.ReasonErrors(request?.Reason);
        if (request?.FromVersion is not > 0)
        {
            errors["fromVersion"] = ["fromVersion is required: the version whose instances move."];
        }

        if (request?.ToVersion is not > 0)
        {
            errors["toVersion"] = ["toVersion is required: the version they move to."];
        }

        if (request?.FromVersion is > 0 && request.FromVersion == request.ToVersion)
        {
            errors["toVersion"] = ["toVersion must differ from fromVersion."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var user = CurrentUser.From(principal);
        var actor = user.UserName;
        var instances = db.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == key && i.ProcessVersion == request!.FromVersion && (i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Faulted));
        var ids = await instances.OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(cancellationToken);

        // Instances of cases the caller may not see are migrated with the rest but reported as counts only: their ids,
        // elements and variables are another office's business.
        var visible = Security.CaseAccess.SeesAll(user)
            ? ids.ToHashSet()
            : (await instances.Where(i => i.CaseId == null || access.VisibleIds(user).Contains(i.CaseId.Value)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var reports = new List<InstanceMigrationReport>();
        foreach (var id in ids)
        {
            try
            {
                var outcome = await runner.MigrateAsync(id, request!.ToVersion!.Value, request.Mapping, request.DryRun, actor, request.Reason!.Trim(), cancellationToken);
                reports.Add(new InstanceMigrationReport(id, outcome.Result is not null, outcome.Plan, null));
            }
            catch (InvalidModificationException ex)
            {
                // Versions and mapping are the same for every instance: the first one tells, before anything changed.
                return ApiProblems.Field(ex.Field ?? "mapping", ex.Message);
            }
            catch (Exception ex) when (ex is InstanceNotRunningException or InstanceStateException or InstanceNotFoundException or CommandConflictException)
            {
                reports.Add(new InstanceMigrationReport(id, false, null, ex.Message));
            }
        }

        return TypedResults.Ok(new
        {
            dryRun = request!.DryRun,
            total = reports.Count,
            migrated = reports.Count(r => r.Migrated),
            refused = reports.Count(r => r.Plan is { CanMigrate: false }),
            notShown = reports.Count(r => !visible.Contains(r.InstanceId)),
            items = reports.Where(r => visible.Contains(r.InstanceId)).ToList(),
        });
    }
}
