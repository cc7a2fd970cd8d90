using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Reports;

/// <summary>
/// Computes the summary with a handful of aggregate queries (counts grouped in the database, indexed range filters),
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
        var cohort = cases.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end);
        var byKind = await cohort.GroupBy(c => c.Kind)
            .Select(g => new
            {
                Kind = g.Key,
                Received = g.Count(),
                Accepted = g.Count(c => c.AcceptedAt != null && c.AcceptedAt < end),
                Closed = g.Count(c => c.ClosedAt != null && c.ClosedAt < end),
            })
            .ToListAsync(cancellationToken);

        var closedCohort = cohort.Where(c => c.ClosedAt != null && c.ClosedAt < end);
        var ratings = await closedCohort.Where(c => c.Satisfaction != null).GroupBy(c => c.Satisfaction!)
            .Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var amounts = await closedCohort.Where(c => c.RecoveredAmount != null).Select(c => c.RecoveredAmount!.Value).ToListAsync(cancellationToken);

        var opened = await cases.CountAsync(c => c.FiledAt != null && c.FiledAt >= start && c.FiledAt < end, cancellationToken);
        var transfers = await cases.Where(c => c.TransferredAt != null && c.TransferredAt >= start && c.TransferredAt < end)
            .GroupBy(c => c.Category).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var onTime = await OnTimeAsync(officeId, start, end, cancellationToken);

        var received = byKind.Sum(k => k.Received);
        var closed = byKind.Sum(k => k.Closed);
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
            Accepted = byKind.Where(k => k.Kind == "complaint").Sum(k => k.Accepted),
            Closed = closed,
            ClosureRate = Percent(closed, received),
            OnTime = onTime,
            OnTimeRate = Percent(onTime.Met, onTime.Due),
            Satisfaction = satisfaction,
            SatisfactionRate = Percent(satisfaction.VerySatisfied + satisfaction.Satisfied, satisfaction.Rated),
            MoneyRecovered = money,
            MoneyRecoveredWan = Math.Round(money / 10_000m, 2, MidpointRounding.AwayFromZero),
            CasesOpened = opened,
            TransferredToPolice = byCategory.Sum(c => c.Count),
            TransfersByCategory = byCategory,
            Narrative = "",
            NarrativeSentences = [],
        };
        var sentences = SummaryNarrative.Sentences(summary, period);
        return summary with { NarrativeSentences = sentences, Narrative = string.Concat(sentences) };
    }

    /// <summary>Percent with one decimal, rounded half away from zero; null when there is nothing to divide by.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    // A deadline still running after its due instant is late already; one due later in the period is not decided yet.
    private async Task<OnTimeFigures> OnTimeAsync(string? officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deadlines = db.Deadlines.AsNoTracking().Where(d => d.DueAt >= start && d.DueAt < end);
        if (officeId is not null)
        {
            deadlines = deadlines.Where(d => db.Cases.Any(c => c.Id == d.CaseId && c.OfficeId == officeId));
        }

        var counts = await deadlines.GroupBy(d => 1)
            .Select(g => new
            {
                Met = g.Count(d => d.State == DeadlineState.Met),
                Breached = g.Count(d => d.State == DeadlineState.Breached),
                Overdue = g.Count(d => d.State == DeadlineState.Running && d.DueAt < now),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new OnTimeFigures(0, 0) : new OnTimeFigures(counts.Met + counts.Breached + counts.Overdue, counts.Met);
    }
}
