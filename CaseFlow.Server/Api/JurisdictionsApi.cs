using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Jurisdiction;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>The district → office table that suggests the office with jurisdiction.</summary>
public static class JurisdictionsApi
{
    public static IEndpointRouteBuilder MapJurisdictionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/jurisdictions").WithTags("Jurisdictions").RequireAuthorization();
        group.MapGet("/", GetAsync).WithSummary("The district → office table in force and where it comes from (administered or configured).");
        group.MapPut("/", PutAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Replaces the administered table; an empty list falls back to CaseFlow:Jurisdictions.");
        return app;
    }

    public sealed record JurisdictionsResponse(string Source, IReadOnlyList<JurisdictionEntry> Entries);

    private static async Task<IResult> GetAsync(JurisdictionTable table, CancellationToken cancellationToken)
    {
        var (entries, source) = await table.GetAsync(cancellationToken);
        return TypedResults.Ok(new JurisdictionsResponse(source, entries));
    }

    private static async Task<IResult> PutAsync(
        List<JurisdictionEntry>? body,
        CaseFlowDbContext db,
        JurisdictionTable table,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ApiProblems.Field("body", "The body must be a JSON array of { district, officeId }. 请求正文必须是 { district, officeId } 的数组。");
        }

        var offices = await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Count; i++)
        {
            var district = body[i].District?.Trim();
            if (string.IsNullOrEmpty(district) || district.Length > 100)
            {
                errors[$"[{i}].district"] = ["district is required (at most 100 characters). 必须填写区县（不超过 100 个字符）。"];
            }
            else if (!seen.Add(district))
            {
                errors[$"[{i}].district"] = [$"{district} is listed twice. 区县“{district}”重复。"];
            }

            if (body[i].OfficeId?.Trim() is not { } office || !offices.Contains(office))
            {
                errors[$"[{i}].officeId"] = [$"officeId must be one of the offices: {string.Join(", ", offices)}. 监管所不存在。"];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var now = clock.GetUtcNow();
        var user = CurrentUser.From(principal).UserName;
        db.Jurisdictions.RemoveRange(await db.Jurisdictions.ToListAsync(cancellationToken));
        db.Jurisdictions.AddRange(body.Select(e => new StoredJurisdiction { District = e.District!.Trim(), OfficeId = e.OfficeId!.Trim(), UpdatedAt = now, UpdatedBy = user }));
        await db.SaveChangesAsync(cancellationToken);
        var (entries, source) = await table.GetAsync(cancellationToken);
        return TypedResults.Ok(new JurisdictionsResponse(source, entries));
    }
}
