using CaseFlow.Server.Absences;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Deadlines.Ladder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Escalations;

/// <summary>
/// Fires the warnings and escalation steps of every running deadline whose ladder needs attention, in batches: each
/// batch is one SaveChanges of the fired steps, their emails and timeline entries, and the deadlines' next instants.
/// </summary>
/// <remarks>
/// Once across restarts and nodes: a fired step is a row unique per deadline and step key, and every firing bumps
/// the deadline's <see cref="StoredDeadline.LadderVersion"/> concurrency token, so of two sweeps planning the same
/// deadline only one commits. A batch that loses a race is retried deadline by deadline, and the losers skipped:
/// whoever won has fired their steps.
/// </remarks>
public sealed class EscalationSweeper(
    CaseFlowDbContext db,
    RuleSetStore ruleSets,
    IBusinessCalendar calendar,
    ICommandCommitSignal commitSignal,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<EscalationSweeper> logger)
{
    /// <summary>Sweeps until no ladder is due or the time budget is spent; returns the steps fired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken) => (await SweepDueAsync(cancellationToken)).Fired;

    /// <summary>Sweeps until no ladder is due or the time budget is spent; says what it fired and when to sweep next.</summary>
    public async Task<SweepOutcome> SweepDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetTimestamp();
        var skipped = new HashSet<Guid>();
        var fired = 0;
        var moreDue = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (clock.GetElapsedTime(started) >= TimeSpan.FromSeconds(settings.EscalationSweepBudgetSeconds))
            {
                moreDue = true;
                break;
            }

            var now = clock.GetUtcNow();
            var batch = await db.Deadlines
                .Where(d => d.State == DeadlineState.Running && d.NextStepAt != null && d.NextStepAt <= now && !skipped.Contains(d.Id))
                .OrderBy(d => d.NextStepAt)
                .Take(settings.EscalationBatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            fired += await FireBatchAsync(batch, skipped, now, cancellationToken);
            if (batch.Count < settings.EscalationBatchSize)
            {
                break;
            }
        }

        return new SweepOutcome(fired, moreDue, moreDue ? null : await NextInstantAsync(cancellationToken));
    }

    /// <summary>The earliest instant still to come at which some running ladder needs the sweep, if any.</summary>
    /// <remarks>
    /// Only instants after now: a deadline due already (one opened a moment ago, or one skipped after losing a race)
    /// waits for the regular interval, so a busy intake or a deadline that keeps failing cannot make the sweep spin.
    /// </remarks>
    private async Task<DateTimeOffset?> NextInstantAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Deadlines.AsNoTracking()
            .Where(d => d.State == DeadlineState.Running && d.NextStepAt != null && d.NextStepAt > now)
            .OrderBy(d => d.NextStepAt)
            .Select(d => d.NextStepAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<int> FireBatchAsync(List<StoredDeadline> batch, HashSet<Guid> skipped, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = await LoadContextAsync(batch, now, cancellationToken);
        var (fired, emails) = Apply(batch, context, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            Done(emails);

            // The batch is committed; without this every later batch of the sweep would track (and scan) all earlier ones.
            db.ChangeTracker.Clear();
            return fired;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "An escalation batch of {Count} deadlines lost a race; retrying them one by one", batch.Count);
        }

        db.ChangeTracker.Clear();
        var total = 0;
        foreach (var id in batch.Select(d => d.Id))
        {
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == id && d.State == DeadlineState.Running && d.NextStepAt != null && d.NextStepAt <= now, cancellationToken);
            if (deadline is null)
            {
                continue;
            }

            var single = await LoadContextAsync([deadline], now, cancellationToken);
            var (one, mails) = Apply([deadline], single, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Done(mails);
                total += one;
            }
            catch (DbUpdateException ex)
            {
                // Another node fired it first, or its task ended at this moment; either way nothing is left to do now.
                logger.LogInformation(ex, "Escalation of deadline {DeadlineId} lost a race; skipped in this sweep", id);
                skipped.Add(id);
            }

            db.ChangeTracker.Clear();
        }

        return total;
    }

    private (int Fired, int Emails) Apply(IReadOnlyList<StoredDeadline> batch, SweepContext context, DateTimeOffset now)
    {
        var writer = new LadderStepWriter(db, calendar, context.Recipients, options.Value.InstanceId);
        var fired = 0;
        var emails = 0;
        foreach (var deadline in batch)
        {
            deadline.LadderVersion++;
            var rule = context.Rule(deadline);
            if (rule is null || !context.Cases.TryGetValue(deadline.CaseId, out var storedCase))
            {
                // A rule deleted from its set (or a deadline without one) has no ladder to follow.
                deadline.NextStepAt = null;
                continue;
            }

            var plan = EscalationLadder.Plan(calendar, rule, deadline.DueAt, context.FiredKeys(deadline.Id), now);
            var task = deadline.TaskId is { } taskId ? context.Tasks.GetValueOrDefault(taskId) : null;
            foreach (var step in plan.Due)
            {
                emails += writer.Fire(deadline, step, task, storedCase, now);
                fired++;
            }

            deadline.NextStepAt = plan.NextAt;
        }

        return (fired, emails);
    }

    private async Task<SweepContext> LoadContextAsync(IReadOnlyList<StoredDeadline> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = batch.Select(d => d.Id).ToList();
        var caseIds = batch.Select(d => d.CaseId).Distinct().ToList();
        var taskIds = batch.Where(d => d.TaskId != null).Select(d => d.TaskId!.Value).ToList();
        var fired = await db.Escalations.AsNoTracking().Where(e => ids.Contains(e.DeadlineId)).Select(e => new { e.DeadlineId, e.StepKey }).ToListAsync(cancellationToken);
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).ToListAsync(cancellationToken);
        var deputies = await Deputies.LoadAsync(db, now, cancellationToken);
        var sets = await ruleSets.GetAllAsync(cancellationToken);
        return new SweepContext(
            fired.GroupBy(f => f.DeadlineId).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(f => f.StepKey).ToHashSet(StringComparer.Ordinal)),
            cases,
            tasks,
            sets,
            new LadderRecipients(users, deputies));
    }

    private void Done(int emails)
    {
        if (emails > 0)
        {
            commitSignal.EmailsQueued();
        }
    }

    private sealed record SweepContext(
        Dictionary<Guid, IReadOnlySet<string>> Fired,
        Dictionary<Guid, StoredCase> Cases,
        Dictionary<Guid, StoredTask> Tasks,
        IReadOnlyList<DeadlineRuleSet> RuleSets,
        LadderRecipients Recipients)
    {
        private static readonly IReadOnlySet<string> None = new HashSet<string>();

        public IReadOnlySet<string> FiredKeys(Guid deadlineId) => Fired.GetValueOrDefault(deadlineId) ?? None;

        public DeadlineRule? Rule(StoredDeadline deadline) =>
            RuleSets.FirstOrDefault(s => s.Id == deadline.RuleSetId)?.Rules.FirstOrDefault(r => r.Code == deadline.RuleCode);
    }
}
