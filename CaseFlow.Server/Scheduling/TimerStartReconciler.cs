using CaseFlow.Server.Persistence;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Scheduling;

/// <summary>At start-up and then periodically, schedules timer starts whose trigger went missing (a crash between commit and scheduling).</summary>
public sealed class TimerStartReconciler(
    IServiceScopeFactory scopes,
    TimerStartScheduler scheduler,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<TimerStartReconciler> logger) : BackgroundService
{
    /// <summary>One pass; returns how many triggers it had to create.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scheduled = await scheduler.ReconcileAsync(scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>(), cancellationToken);
        if (scheduled > 0)
        {
            logger.LogWarning("Scheduled {Count} timer starts that had no trigger", scheduled);
        }

        return scheduled;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReconcileIntervalSeconds), clock);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass tries again; a reconciler that stopped would silently stop timer starts.
                logger.LogError(ex, "Timer-start reconciliation failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
