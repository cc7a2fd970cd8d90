using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Reports;

/// <summary>
/// Computes the summary (docs/statistics.md) with a handful of aggregate queries (counts grouped in the database, indexed range filters),
/// so it stays fast with a million cases. Money is the exception: SQLite stores decimals as text and cannot sum them,
/// so only the amounts themselves (one narrow column of the closed items that have one) are read and added here.
/// </summary>
public sealed class ReportSummaryBuilder(CaseFlowDbContext db, TimeProvider clock)
{
    public const string VerySatisfied = "very-satisfied";
    public const string Satisfied = "satisfied";
    public const string Neutral = "neutral";
    public const string Dissatisfied = "dissatisfied";

    public async Task<ReportSummary> BuildAsync(ReportPeriod period, string? officeId, string? officeName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var cases = db.Cases.AsNoTracking();
        if (officeId is not null)
        {
            cases = cases.Where(c => c.OfficeId == officeId);
        }

        // The cohort: items received in the period; their outcomes count when they happened before the period's end.
        var items = ReportItems.Cohort(db, cases, start, end);
        var byKind = await items.GroupBy(c => c.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Received = g.Count(),
                Accepted = g.Count(c => c.AcceptedAt != null && c.AcceptedAt < end),
                Handled = g.Count(c => c.Handled != null && c.Handled < end),
                Front = g.Count(c => c.Kind == ReportItems.Complaint && c.Status == CaseStatus.Closed && c.AcceptedAt == null && c.ClosedAt != null && c.ClosedAt < end),
            })
            .ToListAsync(cancellationToken);

        var closedCohort = items.Where(c => c.ClosedAt != null && c.ClosedAt < end);
        var ratings = await closedCohort.Where(c => c.Satisfaction != null).GroupBy(c => c.Satisfaction!)
            .Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var amounts = await closedCohort.Where(c => c.RecoveredAmount != null).Select(c => c.RecoveredAmount!.Value).ToListAsync(cancellationToken);

        var opened = await cases.CountAsync(c => c.FiledAt != null && c.FiledAt >= start && c.FiledAt < end, cancellationToken);
        var transfers = await cases.Where(c => c.TransferredAt != null && c.TransferredAt >= start && c.TransferredAt < end)
            .GroupBy(c => c.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var received = byKind.Sum(k => k.Received);
        var closed = byKind.Sum(k => k.Handled);
        var front = byKind.Sum(k => k.Front);
        var onTime = await ReportItems.OnTimeAsync(db, items, closed, end, Min(end, clock.GetUtcNow()), cancellationToken);
        var mediation = await ReportItems.MediationAsync(db, items, end, cancellationToken);
        var simple = await ReportItems.SimpleProcedureAsync(db, cases, start, end, cancellationToken);
        var penalties = await ReportItems.PenaltiesAsync(cases, start, end, cancellationToken);
        int Rated(string rating) => ratings.Where(r => r.Rating == rating).Sum(r => r.Count);
        var satisfaction = new SatisfactionFigures(ratings.Sum(r => r.Count), Rated(VerySatisfied), Rated(Satisfied), Rated(Neutral), Rated(Dissatisfied));
        var money = amounts.Sum();
        var byCategory = transfers
            .GroupBy(t => CaseCategories.NameOf(t.Category), StringComparer.Ordinal)
            .Select(g => new CategoryCount(g.First().Category.Trim(), g.Key, g.Sum(t => t.Count)))
            .OrderBy(c => CaseCategories.OrderOf(c.Category)).ThenByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var summary = new ReportSummary
        {
            From = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            OfficeId = officeId,
            OfficeName = officeName,
            Received = received,
            ReceivedByKind = byKind.OrderBy(k => k.Kind, StringComparer.Ordinal).ToDictionary(k => k.Kind, k => k.Received, StringComparer.Ordinal),
            Accepted = byKind.Where(k => k.Kind == ReportItems.Complaint).Sum(k => k.Accepted),
            Closed = closed,
            ClosureRate = Percent(closed, received),
            InProgress = received - closed,
            ResolvedBeforeDispatch = front,
            ResolvedBeforeDispatchRate = Percent(front, received),
            OnTime = onTime,
            OnTimeRate = Percent(onTime.Met, onTime.Due),
            Mediation = mediation,
            MediationSuccessRate = Percent(mediation.Succeeded, mediation.Concluded),
            Satisfaction = satisfaction,
            SatisfactionRate = Percent(satisfaction.VerySatisfied + satisfaction.Satisfied, satisfaction.Rated),
            MoneyRecovered = money,
            MoneyRecoveredWan = Wan(money),
            CasesOpened = opened,
            SimpleProcedureCases = simple,
            Penalties = penalties,
            FinesAndConfiscations = penalties.Total,
            FinesAndConfiscationsWan = Wan(penalties.Total),
            TransferredToPolice = byCategory.Sum(c => c.Count),
            TransfersByCategory = byCategory,
            Narrative = "",
            NarrativeSentences = [],
        };
        var sentences = SummaryNarrative.Sentences(summary, period);
        return summary with { NarrativeSentences = sentences, Narrative = string.Concat(sentences) };
    }

    /// <summary>Yuan in 万元, rounded half away from zero to two decimals.</summary>
    public static decimal Wan(decimal yuan) => Math.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Percent with one decimal, rounded half away from zero; null when there is nothing to divide by.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
