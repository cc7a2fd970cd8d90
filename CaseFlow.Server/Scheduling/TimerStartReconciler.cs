using CaseFlow.Server.Persistence;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Scheduling;

/// <summary>At start-up and then periodically, schedules timer starts whose trigger went missing (a crash between commit and scheduling).</summary>
public sealed class TimerStartReconciler(
    IServiceScopeFactory scopes,
    TimerStartScheduler scheduler,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<TimerStartReconciler> logger) : PeriodicReconciler(options, clock, logger)
{
    /// <summary>One pass; returns how many triggers it had to create.</summary>
    public override async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scheduled = await scheduler.ReconcileAsync(scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>(), cancellationToken);
        if (scheduled > 0)
        {
            logger.LogWarning("Scheduled {Count} timer starts that had no trigger", scheduled);
        }

        return scheduled;
    }
}
