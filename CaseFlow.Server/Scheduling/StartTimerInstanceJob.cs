using System.Globalization;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>The one durable Quartz job behind every timer-start trigger: reads the ids and starts the occurrence's instance.</summary>
/// <remarks>
/// Like <see cref="ResumeTimerJob"/>, an exception escapes so the trigger's retry policy fires again; a firing for an
/// occurrence that already started an instance (a duplicate, or a retry after a commit) does nothing.
/// </remarks>
internal sealed class StartTimerInstanceJob(TimerStartFiring firing, ILogger<StartTimerInstanceJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(TimerStartKeys.TimerStartIdKey), out var timerStartId)
            || !long.TryParse(data.GetString(TimerStartKeys.DueAtKey), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            logger.LogError("Timer-start trigger {TriggerKey} carries no timer start id or occurrence; unscheduling it", context.Trigger.Key);
            throw new JobExecutionException("Timer-start trigger without ids.") { UnscheduleFiringTrigger = true };
        }

        await firing.FireAsync(timerStartId, new DateTimeOffset(ticks, TimeSpan.Zero), cancellationToken);
    }
}
