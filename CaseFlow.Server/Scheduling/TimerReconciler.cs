using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>
/// Schedules every open timer bookmark that has no Quartz trigger, at start-up and then periodically.
/// </summary>
/// <remarks>
/// The bookmark row is committed before its trigger is stored, so a crash in between, a failed scheduling
/// call, or a trigger whose retries ran out all leave an open timer with no trigger. This pass finds them.
/// Scheduling keeps an existing trigger, so racing the command runner is harmless, and a bookmark consumed
/// meanwhile only costs one no-op firing.
/// </remarks>
public sealed class TimerReconciler(
    IServiceScopeFactory scopes,
    ISchedulerFactory schedulerFactory,
    QuartzBookmarkScheduler bookmarkScheduler,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<TimerReconciler> logger) : PeriodicReconciler(options, clock, logger)
{
    private const int PageSize = 1000;

    // Two overlapping passes would both see a missing trigger and could schedule a timer twice.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>One reconciliation pass; returns how many triggers it had to create.</summary>
    public override async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await ReconcileOnceAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    private async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);

        // A trigger Quartz parked in ERROR would count as present and never fire again.
        await scheduler.ResetTriggersFromErrorState(GroupMatcher<TriggerKey>.GroupEquals(TimerKeys.TriggerGroup), cancellationToken);

        // Triggers are read before bookmarks: a timer committed in between is then seen without its trigger and
        // scheduled with "keep", never the other way round (a trigger seen whose bookmark we then miss).
        var triggered = await LoadTriggerNamesAsync(scheduler, cancellationToken);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var open = await db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Timer && b.DueAt != null)
            .Select(b => new { b.Id, b.InstanceId, b.DueAt })
            .ToListAsync(cancellationToken);

        var scheduled = 0;
        foreach (var bookmark in open.Where(b => !triggered.Contains(TimerKeys.ForBookmark(b.Id).Name)))
        {
            if (await bookmarkScheduler.ScheduleAsync(scheduler, bookmark.InstanceId, bookmark.Id, bookmark.DueAt!.Value, cancellationToken))
            {
                scheduled++;
            }
        }

        if (scheduled > 0)
        {
            logger.LogWarning("Scheduled {Count} open timer bookmarks that had no trigger", scheduled);
        }

        return scheduled;
    }

    private static async Task<HashSet<string>> LoadTriggerNamesAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await scheduler.QueryTriggers(
                new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(TimerKeys.TriggerGroup), Skip = skip, Take = PageSize },
                cancellationToken);
            foreach (var header in page.Items)
            {
                names.Add(header.Key.Name);
            }

            if (!page.HasMore)
            {
                return names;
            }
        }
    }
}
