using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>Keeps one durable Quartz trigger per open timer bookmark, keyed by the bookmark id.</summary>
/// <remarks>
/// Triggers carry ids only; the bookmark row stays the truth. Scheduling keeps an existing trigger
/// (<see cref="TriggerConflict.Keep"/>), which makes the command runner's after-commit call and the
/// reconciler safe to race.
/// </remarks>
public sealed class QuartzBookmarkScheduler(
    ISchedulerFactory schedulerFactory,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<QuartzBookmarkScheduler> logger) : IBookmarkScheduler
{
    public async Task ScheduleAsync(Guid instanceId, IReadOnlyList<Bookmark> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        if (timers.Count == 0)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var timer in timers)
        {
            if (timer.Kind != BookmarkKind.Timer || timer.DueAt is not { } dueAt)
            {
                logger.LogWarning("Bookmark {BookmarkId} of instance {InstanceId} is not a timer with a due instant; not scheduled", timer.Id, instanceId);
                continue;
            }

            await ScheduleAsync(scheduler, instanceId, timer.Id, dueAt, cancellationToken);
        }
    }

    public async Task UnscheduleAsync(IReadOnlyList<Guid> bookmarkIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookmarkIds);
        if (bookmarkIds.Count == 0)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);

        // Keys that name no trigger (user tasks, messages, timers already fired) are skipped by Quartz, not refused.
        var removed = await scheduler.UnscheduleJobs(bookmarkIds.Select(TimerKeys.ForBookmark).ToList(), cancellationToken);
        if (removed.Count > 0)
        {
            logger.LogDebug("Unscheduled {Count} timer triggers", removed.Count);
        }
    }

    /// <summary>Schedules one timer; true when a trigger was created, false when one was already there.</summary>
    internal async Task<bool> ScheduleAsync(IScheduler scheduler, Guid instanceId, Guid bookmarkId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var value = options.Value;
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(TimerKeys.ForBookmark(bookmarkId))
            .ForJob(TimerKeys.ResumeTimerJob)
            .UsingJobData(TimerKeys.InstanceIdKey, instanceId.ToString("D"))
            .UsingJobData(TimerKeys.BookmarkIdKey, bookmarkId.ToString("D"))
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(RetryPolicy.Exponential(
                value.RetryAttempts,
                TimeSpan.FromSeconds(value.RetryBaseDelaySeconds),
                2,
                TimeSpan.FromSeconds(Math.Max(value.RetryBaseDelaySeconds, value.RetryMaxDelaySeconds))))
            .Build();

        var result = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
        var created = result.Outcome != ScheduleOutcome.Kept;
        if (created)
        {
            logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} scheduled for {DueAt}", bookmarkId, instanceId, dueAt);
        }

        return created;
    }
}
