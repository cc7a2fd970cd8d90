using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Api;

/// <summary>
/// Operating running instances: cancel, change variables, move tokens, migrate, retry incidents. Admins and legal
/// officers only, and every call must say why: the reason is stored with the actor in the instance history. An
/// instance of a case the caller may not see (<see cref="InstanceAccess"/>) answers 404 like a missing one, audited.
/// </summary>
public static class InstanceOperationsApi
{
    /// <summary>Longest reason accepted; a reason is a sentence for the audit trail, not a document.</summary>
    public const int MaxReasonLength = 1000;

    public static IEndpointRouteBuilder MapInstanceOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances/{id:guid}")
            .WithTags("Instance operations")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.LegalOfficer));
        group.MapPost("/cancel", CancelAsync).WithSummary("Cancels a running or faulted instance; its open tasks are cancelled.");
        group.MapPut("/variables", SetVariablesAsync).WithSummary("Sets and removes process variables without moving the instance on.");
        group.MapPost("/move", MoveAsync).WithSummary("Withdraws the tokens on one element and enters another activity fresh.");
        group.MapPost("/migrate", MigrateAsync).WithSummary("Plans (dryRun) or performs the move of the instance to another version of its process.");
        group.MapPost("/incident/retry", RetryIncidentAsync).WithSummary("Clears the incident and runs the failed element again.");
        return app;
    }

    public sealed record CancelRequest(string? Reason);

    public sealed record VariablesRequest(JsonObject? Set, IReadOnlyList<string>? Remove, string? Reason);

    public sealed record MoveRequest(string? FromElementId, string? ToElementId, string? Reason);

    public sealed record MigrateRequest(int? TargetVersion, IReadOnlyDictionary<string, string>? Mapping, bool DryRun, string? Reason);

    public sealed record RetryIncidentRequest(string? Reason);

    private static async Task<IResult> CancelAsync(Guid id, CancelRequest? request, WorkflowCommandRunner runner, InstanceAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return Hidden(id);
        }

        if (OperationProblems.Reason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        return await OperationProblems.GuardAsync(async () =>
        {
            var result = await runner.CancelAsync(id, Actor(principal), request!.Reason!.Trim(), cancellationToken);
            return TypedResults.Ok(new { id, status = Status(result.Instance) });
        });
    }

    private static async Task<IResult> SetVariablesAsync(Guid id, VariablesRequest? request, WorkflowCommandRunner runner, InstanceAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return Hidden(id);
        }

        if (OperationProblems.Reason(request?.Reason) is { } invalid)
        {
            return invalid;
        }

        if ((request!.Set?.Count ?? 0) == 0 && (request.Remove?.Count ?? 0) == 0)
        {
            return ApiProblems.Field("set", "Give variables to set, names to remove, or both.");
        }

        return await OperationProblems.GuardAsync(async () =>
        {
            var result = await runner.SetVariablesAsync(id, request.Set ?? [], request.Remove ?? [], Actor(principal), request.Reason!.Trim(), cancellationToken);
            return TypedResults.Ok(new { id, status = Status(result.Instance), variables = result.Instance.Variables });
        });
    }

    private static async Task<IResult> MoveAsync(Guid id, MoveRequest? request, WorkflowCommandRunner runner, InstanceAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return Hidden(id);
        }

        var errors = OperationProblems.ReasonErrors(request?.Reason);
        if (string.IsNullOrWhiteSpace(request?.FromElementId))
        {
            errors["fromElementId"] = ["fromElementId is required: the element whose token moves."];
        }

        if (string.IsNullOrWhiteSpace(request?.ToElementId))
        {
            errors["toElementId"] = ["toElementId is required: the activity the token moves to."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        return await OperationProblems.GuardAsync(async () =>
        {
            var result = await runner.MoveTokenAsync(id, request!.FromElementId!.Trim(), request.ToElementId!.Trim(), Actor(principal), request.Reason!.Trim(), cancellationToken);
            return TypedResults.Ok(new { id, status = Status(result.Instance), activeElementIds = result.Instance.ActiveElementIds });
        });
    }

    private static async Task<IResult> MigrateAsync(Guid id, MigrateRequest? request, WorkflowCommandRunner runner, InstanceAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return Hidden(id);
        }

        var errors = OperationProblems.ReasonErrors(request?.Reason);
        if (request?.TargetVersion is not > 0)
        {
            errors["targetVersion"] = ["targetVersion is required: the published version to move the instance to."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        return await OperationProblems.GuardAsync(async () =>
        {
            var outcome = await runner.MigrateAsync(id, request!.TargetVersion!.Value, request.Mapping, request.DryRun, Actor(principal), request.Reason!.Trim(), cancellationToken);
            return outcome.Plan.CanMigrate
                ? TypedResults.Ok(new { dryRun = request.DryRun, migrated = outcome.Result is not null, plan = outcome.Plan })
                : OperationProblems.Unmappable(outcome.Plan);
        });
    }

    private static async Task<IResult> RetryIncidentAsync(Guid id, RetryIncidentRequest? request, WorkflowCommandRunner runner, InstanceAccess access, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!await access.CanSeeAsync(id, CurrentUser.From(principal), cancellationToken))
        {
            return Hidden(id);
        }

        if (request?.Reason is { Length: > MaxReasonLength })
        {
            return ApiProblems.Field("reason", $"reason may be at most {MaxReasonLength} characters.");
        }

        return await OperationProblems.GuardAsync(async () =>
        {
            var result = await runner.RetryIncidentAsync(id, Actor(principal), string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim(), cancellationToken);
            return TypedResults.Ok(new { id, status = Status(result.Instance), incident = result.Instance.Incident });
        });
    }

    /// <summary>The answer for an instance that does not exist or whose case the caller may not see (the same, so ids cannot be probed).</summary>
    internal static IResult Hidden(Guid id) => ApiProblems.NotFound($"流程实例 {id} 不存在。 Instance {id} does not exist.");

    private static string Actor(ClaimsPrincipal principal) => CurrentUser.From(principal).UserName;

    internal static string Status(WorkflowInstanceState state) => JsonNamingPolicy.CamelCase.ConvertName(state.Status.ToString());
}
