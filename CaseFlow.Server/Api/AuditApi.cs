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
        group.MapGet("/verify", VerifyAsync).WithSummary("Links what is committed, then recomputes the whole chain: ok, or the first broken link, or entries left unlinked too long.");
        group.MapGet("/", ListAsync).WithSummary("Audit entries, newest first; filter by caseId, action or actor.");
        return app;
    }

    private static async Task<IResult> VerifyAsync(AuditVerifier verifier, AuditSequencer sequencer, CancellationToken cancellationToken)
    {
        // Entries committed by now are linked first (the sequencer's own pass, under its lock), so the answer covers them.
        await sequencer.LinkPendingAsync(cancellationToken);
        var result = await verifier.VerifyAsync(cancellationToken);
        return TypedResults.Ok(new
        {
            ok = result.Ok, entries = result.Entries, brokenAtSeq = result.BrokenAtSeq, problem = result.Problem,
            unlinked = result.Unlinked, staleUnlinked = result.StaleUnlinked,
        });
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
        // Newest first by the order written: an entry not yet linked (seq null) is listed too, in its place.
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take)
            .Select(a => new { a.Seq, a.At, a.Actor, a.Action, a.CaseId, a.Subject, a.Details, a.Hash })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items, total });
    }
}
