using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Reports;

/// <summary>
/// The items a bureau counts (complaints and reports received, 受理投诉举报) and the per-item figures: when each was
/// handled, whether on time, mediations, simple-procedure decisions and 罚没款. Definitions: docs/statistics.md.
/// </summary>
internal static class ReportItems
{
    public const string Complaint = "complaint";
    public const string Report = "report";

    /// <summary>The element id of the complaint process's mediation step (组织调解).</summary>
    public const string MediationStep = "mediate";

    /// <summary>The outcome of a mediation that ended in an agreement.</summary>
    public const string Agreement = "agreement";

    /// <summary>The rule every simple-procedure decision opens (its papers filed within 7 working days).</summary>
    public const string SimpleFilingRule = "ppr.simple-filing";

    /// <summary>
    /// Complaints and reports received in [start, end). A report the system opened from a complaint's mediation (a clue,
    /// O121 Art. 27; its parent was registered at another moment) is not a submission and is left out; the report half of
    /// a mixed submission (registered with its complaint, Art. 9) is one. A report is handled at the 立案 decision (or when
    /// it was transferred to the police, decided on the spot, or closed, whichever came first); a complaint when closed.
    /// </summary>
    public static IQueryable<Item> Cohort(CaseFlowDbContext db, IQueryable<StoredCase> cases, DateTimeOffset start, DateTimeOffset end) =>
        cases
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end && (c.Kind == Complaint || c.Kind == Report))
            .Where(c => c.ParentCaseId == null || db.Cases.Any(p => p.Id == c.ParentCaseId && p.CreatedAt == c.CreatedAt))
            .Select(c => new Item
            {
                Id = c.Id,
                Kind = c.Kind,
                Status = c.Status,
                AcceptedAt = c.AcceptedAt,
                ClosedAt = c.ClosedAt,
                Satisfaction = c.Satisfaction,
                RecoveredAmount = c.RecoveredAmount,
                Handled = c.Kind == Report ? c.FiledAt ?? c.TransferredAt ?? c.DecidedAt ?? c.ClosedAt : c.ClosedAt,
            });

    /// <summary>
    /// Items due: those handled by <paramref name="end"/> (<paramref name="handled"/> of them) and those still open then
    /// with a task deadline that was due before <paramref name="cutoff"/> and not done by <paramref name="end"/>. Met: the
    /// handled ones none of whose task deadlines was missed before they were handled. A suspended clock is not late;
    /// measure deadlines (a seizure, a payment) are not the item's handling and are left out.
    /// </summary>
    public static async Task<OnTimeFigures> OnTimeAsync(CaseFlowDbContext db, IQueryable<Item> items, int handled, DateTimeOffset end, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deadlines = db.Deadlines.Where(d => d.TaskId != null);
        var late = await items
            .Where(x => x.Handled != null && x.Handled < end)
            .CountAsync(x => deadlines.Any(d => d.CaseId == x.Id && d.DueAt < x.Handled && (d.State == DeadlineState.Breached || d.State == DeadlineState.Running)), cancellationToken);
        var overdue = await items
            .Where(x => x.Handled == null || x.Handled >= end)
            .CountAsync(x => deadlines.Any(d => d.CaseId == x.Id && d.DueAt < cutoff
                && ((d.CompletedAt == null && d.State == DeadlineState.Running) || (d.CompletedAt != null && d.CompletedAt >= end))), cancellationToken);
        return new OnTimeFigures(handled + overdue, handled - late);
    }

    /// <summary>Mediation steps of the period's complaints completed by <paramref name="end"/>, and those ended with an agreement.</summary>
    public static async Task<MediationFigures> MediationAsync(CaseFlowDbContext db, IQueryable<Item> items, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var steps = db.Tasks.AsNoTracking().Where(t => t.ElementId == MediationStep && t.State == TaskState.Completed && t.CompletedAt < end
            && items.Any(x => x.Id == t.CaseId));
        var counts = await steps.GroupBy(t => 1)
            .Select(g => new { Concluded = g.Count(), Succeeded = g.Count(t => t.Outcome == Agreement) })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new MediationFigures(0, 0) : new MediationFigures(counts.Concluded, counts.Succeeded);
    }

    /// <summary>Cases decided under the simple procedure in [start, end): their filing period opened then.</summary>
    public static Task<int> SimpleProcedureAsync(CaseFlowDbContext db, IQueryable<StoredCase> cases, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        db.Deadlines.AsNoTracking()
            .Where(d => d.RuleCode == SimpleFilingRule && d.StartedAt >= start && d.StartedAt < end && cases.Any(c => c.Id == d.CaseId))
            .Select(d => d.CaseId).Distinct().CountAsync(cancellationToken);

    /// <summary>罚没款 of the penalty decisions made in [start, end), read as numbers and added here (SQLite cannot sum decimals).</summary>
    public static async Task<PenaltyFigures> PenaltiesAsync(IQueryable<StoredCase> cases, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = await cases.Where(c => c.PenaltyDecidedAt != null && c.PenaltyDecidedAt >= start && c.PenaltyDecidedAt < end)
            .Select(c => new { c.FineAmount, c.ConfiscationAmount }).ToListAsync(cancellationToken);
        return new PenaltyFigures(rows.Count, rows.Sum(r => r.FineAmount ?? 0m), rows.Sum(r => r.ConfiscationAmount ?? 0m));
    }

    /// <summary>One item of the cohort.</summary>
    public sealed class Item
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = "";

        public CaseStatus Status { get; init; }

        public DateTimeOffset? AcceptedAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public string? Satisfaction { get; init; }

        public decimal? RecoveredAmount { get; init; }

        /// <summary>When the item was handled (办结); null while in progress.</summary>
        public DateTimeOffset? Handled { get; init; }
    }
}
