using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>The one durable Quartz job behind every timer trigger: reads the ids and resumes the bookmark.</summary>
/// <remarks>
/// Quartz resolves the job in a new dependency-injection scope per firing, so the command runner and its
/// DbContext belong to this firing alone. An exception is left to escape: the trigger's retry policy fires it
/// again later, and once the retries are spent the trigger is gone while the bookmark row stays open, so the
/// <see cref="TimerReconciler"/> schedules it again. A timer is never lost, only late.
/// </remarks>
internal sealed class ResumeTimerJob(ITimerFiring firing, ILogger<ResumeTimerJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(TimerKeys.InstanceIdKey), out var instanceId)
            || !Guid.TryParse(data.GetString(TimerKeys.BookmarkIdKey), out var bookmarkId))
        {
            // Retrying cannot repair a trigger without ids; unschedule it rather than fail forever.
            logger.LogError("Timer trigger {TriggerKey} carries no instance or bookmark id; unscheduling it", context.Trigger.Key);
            throw new JobExecutionException("Timer trigger without ids.") { UnscheduleFiringTrigger = true };
        }

        var fired = await firing.FireAsync(instanceId, bookmarkId, cancellationToken);
        if (fired)
        {
            logger.LogInformation(
                "Timer {BookmarkId} of instance {InstanceId} fired (retry {RetryAttempt})", bookmarkId, instanceId, context.RetryAttempt);
        }
        else
        {
            logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} was already consumed; nothing to do", bookmarkId, instanceId);
        }
    }
}
