using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The unfiltered case list of a user who does not see every case, with work bounded by the page instead of by the number
/// of visible cases (issue 23: a handler may see tens of thousands). The visible cases are the user's offices' cases and
/// the cases granted to their principals (<see cref="CaseAccess"/>); each of those is an index range ordered newest first
/// (<c>IX_Cases_OfficeId_ReceivedAt_Id</c>, <c>IX_CaseGrants_Principal_ReceivedAt_CaseId</c>), so the newest
/// <c>skip + take</c> of the union are among the newest <c>skip + take</c> of each range. The total is the offices'
/// range counts plus the distinct granted cases outside those offices, from the grants' copy of the case's office.
/// </summary>
/// <remarks>
/// Every query is a single index range the planner cannot get wrong without statistics (SQLite's server never runs
/// ANALYZE). It must return exactly what <see cref="CaseAccess.Visible"/> ordered by (ReceivedAt, Id) descending
/// returns (tests: <c>VisibleCaseListTests</c>); the filtered list still uses that general query. The total counts grants
/// without reading their case, which is exact because a grant is written only for a stored case and cases are never
/// deleted.
/// </remarks>
public static class VisibleCaseList
{
    /// <summary>
    /// A bound on what one request reads per range (the depth, twice it for grants) and sends back as ids for the page;
    /// deeper pages (past page 20 of 50) are rare and use the general query, whose cost does not depend on the depth.
    /// </summary>
    public const int MaxDepth = 1_000;

    public static bool Applies(CurrentUser user, int skip, int take) =>
        !CaseAccess.SeesAll(user) && skip + take <= MaxDepth;

    public static async Task<(List<CaseListRow> Items, int Total)> ReadAsync(CaseFlowDbContext db, CurrentUser user, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var offices = user.Groups.Order(StringComparer.Ordinal).ToList();
        List<string> principals = [CaseGrant.User(user.UserName), .. offices.Select(CaseGrant.Group)];
        var depth = skip + take;

        // The newest `depth` of each range, one small ordered query each.
        var candidates = new List<(Guid Id, DateTimeOffset ReceivedAt)>();
        foreach (var office in offices)
        {
            var newest = await db.Cases.AsNoTracking().Where(c => c.OfficeId == office)
                .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(depth)
                .Select(c => new { c.Id, c.ReceivedAt }).ToListAsync(cancellationToken);
            candidates.AddRange(newest.Select(c => (c.Id, c.ReceivedAt)));
        }

        foreach (var principal in principals)
        {
            candidates.AddRange(await NewestGrantedAsync(db, principal, depth, cancellationToken));
        }

        var items = await PageAsync(db, candidates, skip, take, cancellationToken);
        var total = await TotalAsync(db, offices, principals, cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// The newest <paramref name="depth"/> distinct cases granted to the principal. A case has a grant per task, so the
    /// range repeats it (next to itself: same ReceivedAt and CaseId); rows are read in index order until that many
    /// distinct cases are seen or the range ends. No DISTINCT in SQL: EF Core puts an ordered DISTINCT in a subquery,
    /// which both databases would sort whole instead of stopping after the page.
    /// </summary>
    private static async Task<List<(Guid Id, DateTimeOffset ReceivedAt)>> NewestGrantedAsync(CaseFlowDbContext db, string principal, int depth, CancellationToken cancellationToken)
    {
        for (var rows = depth * 2; ; rows *= 4)
        {
            var newest = await db.CaseGrants.AsNoTracking().Where(g => g.Principal == principal)
                .OrderByDescending(g => g.ReceivedAt).ThenByDescending(g => g.CaseId).Take(rows)
                .Select(g => new { g.CaseId, g.ReceivedAt }).ToListAsync(cancellationToken);
            var distinct = newest.Select(g => (g.CaseId, g.ReceivedAt)).Distinct().Take(depth).ToList();
            if (distinct.Count == depth || newest.Count < rows)
            {
                return distinct;
            }
        }
    }

    /// <summary>
    /// The page among the candidates, ordered by the database (its order of ids breaks ties on ReceivedAt, as in each
    /// range). Only candidates at least as new as the depth-th newest distinct candidate can be on it.
    /// </summary>
    private static async Task<List<CaseListRow>> PageAsync(CaseFlowDbContext db, List<(Guid Id, DateTimeOffset ReceivedAt)> candidates, int skip, int take, CancellationToken cancellationToken)
    {
        var distinct = candidates.DistinctBy(c => c.Id).OrderByDescending(c => c.ReceivedAt).ToList();
        if (distinct.Count <= skip)
        {
            return [];
        }

        var oldest = distinct[Math.Min(skip + take, distinct.Count) - 1].ReceivedAt;
        var ids = distinct.TakeWhile(c => c.ReceivedAt >= oldest).Select(c => c.Id).ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CaseListRow(c.Id, c.Number, c.Kind, c.Status, c.OfficeId, c.Subject, c.RespondentName, c.ReceivedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The offices' cases (range counts) plus the granted cases in no office of the user's (counted once each).</summary>
    private static async Task<int> TotalAsync(CaseFlowDbContext db, List<string> offices, List<string> principals, CancellationToken cancellationToken)
    {
        var inOffices = offices.Count == 0 ? 0 : await db.Cases.CountAsync(c => c.OfficeId != null && offices.Contains(c.OfficeId), cancellationToken);
        var granted = await db.CaseGrants
            .Where(g => principals.Contains(g.Principal) && (g.OfficeId == null || !offices.Contains(g.OfficeId)))
            .Select(g => g.CaseId).Distinct().CountAsync(cancellationToken);
        return inOffices + granted;
    }
}
