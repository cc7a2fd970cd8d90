using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>
/// Timer start events: a <see cref="StoredTimerStart"/> row per timer start of the latest published version, and one
/// durable Quartz trigger for the row's next occurrence.
/// </summary>
/// <remarks>
/// The row is the truth, as for timer bookmarks: it is written in the publishing transaction, its trigger after
/// commit, and <see cref="ReconcileAsync"/> schedules any row whose trigger went missing in between.
/// </remarks>
public sealed class TimerStartScheduler(
    ISchedulerFactory schedulerFactory,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<TimerStartScheduler> logger)
{
    private const int PageSize = 1000;

    /// <summary>
    /// Adds to <paramref name="db"/> (not saved) the rows of the new version's timer starts and removes those of older
    /// versions, whose timers stop: only the latest version of a process starts instances by timer.
    /// </summary>
    public async Task<TimerStartChanges> StageAsync(
        CaseFlowDbContext db, string key, int version, ProcessGraph graph, IBusinessCalendar calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(graph);
        var replaced = await db.TimerStarts.Where(t => t.ProcessKey == key).ToListAsync(cancellationToken);
        db.TimerStarts.RemoveRange(replaced);
        var now = clock.GetUtcNow();
        var added = graph.TimerStarts.Select(t => new StoredTimerStart
        {
            Id = Guid.CreateVersion7(now),
            ProcessKey = key,
            ProcessVersion = version,
            ElementId = t.ElementId,
            Timer = t.Text,
            NextDueAt = t.FirstDue(now, calendar),
            RemainingOccurrences = t.Occurrences,
            CreatedAt = now,
        }).ToList();
        db.TimerStarts.AddRange(added);
        return new TimerStartChanges(replaced, added);
    }

    /// <summary>After the publishing commit: triggers for the new rows, none for the replaced ones. A failure is left to the reconciler.</summary>
    public async Task ApplyAsync(TimerStartChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
            if (changes.Removed.Count > 0)
            {
                await scheduler.UnscheduleJobs([.. changes.Removed.Select(r => TimerStartKeys.For(r.Id, r.FiredCount))], cancellationToken);
            }

            foreach (var row in changes.Added)
            {
                await ScheduleAsync(scheduler, row, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows are committed; the reconciler schedules them, and a trigger whose row is gone fires as a no-op.
            logger.LogWarning(ex, "Scheduling timer starts failed; the reconciler will retry");
        }
    }

    /// <summary>Schedules the trigger of a row's next occurrence; an existing one is kept.</summary>
    public async Task ScheduleAsync(StoredTimerStart row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await ScheduleAsync(await schedulerFactory.GetScheduler(cancellationToken), row, cancellationToken);
    }

    /// <summary>Schedules every row whose next occurrence has no trigger; returns how many it scheduled.</summary>
    public async Task<int> ReconcileAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.ResetTriggersFromErrorState(GroupMatcher<TriggerKey>.GroupEquals(TimerStartKeys.TriggerGroup), cancellationToken);

        // Triggers first, rows second (as in TimerReconciler): a row committed in between is seen without its trigger, never the reverse.
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await scheduler.QueryTriggers(
                new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(TimerStartKeys.TriggerGroup), Skip = skip, Take = PageSize },
                cancellationToken);
            names.UnionWith(page.Items.Select(h => h.Key.Name));
            if (!page.HasMore)
            {
                break;
            }
        }

        var rows = await db.TimerStarts.AsNoTracking().ToListAsync(cancellationToken);
        var scheduled = 0;
        foreach (var row in rows.Where(r => !names.Contains(TimerStartKeys.For(r.Id, r.FiredCount).Name)))
        {
            if (await ScheduleAsync(scheduler, row, cancellationToken))
            {
                scheduled++;
            }
        }

        return scheduled;
    }

    private async Task<bool> ScheduleAsync(IScheduler scheduler, StoredTimerStart row, CancellationToken cancellationToken)
    {
        var value = options.Value;
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(TimerStartKeys.For(row.Id, row.FiredCount))
            .ForJob(TimerStartKeys.StartInstanceJob)
            .UsingJobData(TimerStartKeys.TimerStartIdKey, row.Id.ToString("D"))
            .UsingJobData(TimerStartKeys.DueAtKey, row.NextDueAt.UtcTicks.ToString(CultureInfo.InvariantCulture))
            .StartAt(row.NextDueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(RetryPolicy.Exponential(
                value.RetryAttempts,
                TimeSpan.FromSeconds(value.RetryBaseDelaySeconds),
                2,
                TimeSpan.FromSeconds(Math.Max(value.RetryBaseDelaySeconds, value.RetryMaxDelaySeconds))))
            .Build();
        var result = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
        logger.LogDebug("Timer start {ElementId} of {ProcessKey} v{Version} due {DueAt}", row.ElementId, row.ProcessKey, row.ProcessVersion, row.NextDueAt);
        return result.Outcome != ScheduleOutcome.Kept;
    }
}
