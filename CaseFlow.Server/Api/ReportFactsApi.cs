using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;

namespace CaseFlow.Server.Api;

/// <summary>New facts added to an open report by the same reporter (O121 Art. 35(2)).</summary>
public static class ReportFactsApi
{
    public static IEndpointRouteBuilder MapReportFactsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/facts", MergeAsync)
            .WithTags("Cases")
            .RequireAuthorization(p => p.RequireRole(Roles.Intake, Roles.Supervisor, Roles.Admin))
            .WithSummary("Merges new facts into an open report and restarts its verification period from this report.");
        return app;
    }

    public sealed record MergeFactsRequest(string? Facts, DateTimeOffset? ReceivedAt);

    private static async Task<IResult> MergeAsync(Guid id, MergeFactsRequest? request, ReportFactsMerger merger, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Facts) || request.Facts.Length > 10_000)
        {
            return ApiProblems.Field("facts", "facts is required (at most 10,000 characters): the new facts of the report. 必须填写补充的事实（不超过 10000 个字符）。");
        }

        var outcome = await merger.MergeAsync(id, request.Facts, request.ReceivedAt, CurrentUser.From(principal).UserName, cancellationToken);
        if (outcome.NotFound)
        {
            return ApiProblems.NotFound($"Case {id} does not exist.");
        }

        if (outcome.Field is not null)
        {
            return ApiProblems.Field(outcome.Field, outcome.Problem!);
        }

        return outcome.Problem is not null
            ? ApiProblems.Conflict(outcome.Problem)
            : TypedResults.Ok(new { id, merged = true, deadline = outcome.Deadline is { } d ? new { d.Id, d.StartedAt, d.DueAt, d.RuleCode } : null });
    }
}
