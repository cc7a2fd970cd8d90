using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>/api/admin/audit</c>: read and verify the hash-chained audit trail (Admin).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/audit").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/verify", VerifyAsync).WithSummary("Recomputes the whole chain: ok, or the first broken link.");
        group.MapGet("/", ListAsync).WithSummary("Audit entries, newest first; filter by caseId, action or actor.");
        return app;
    }

    private static async Task<IResult> VerifyAsync(AuditVerifier verifier, CancellationToken cancellationToken)
    {
        var result = await verifier.VerifyAsync(cancellationToken);
        return TypedResults.Ok(new { ok = result.Ok, entries = result.Entries, brokenAtSeq = result.BrokenAtSeq, problem = result.Problem });
    }

    private static async Task<IResult> ListAsync(CaseFlowDbContext db, Guid? caseId, string? action, string? actor, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (caseId is { } id)
        {
            query = query.Where(a => a.CaseId == id);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(a => a.Actor == actor);
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.Seq).Skip(skip).Take(take)
            .Select(a => new { a.Seq, a.At, a.Actor, a.Action, a.CaseId, a.Subject, a.Details, a.Hash })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items, total });
    }
}
