using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Scheduling;

/// <summary>Runs a reconciliation pass at start-up and then every <see cref="SchedulingOptions.ReconcileIntervalSeconds"/>.</summary>
/// <remarks>A failed pass is logged and the next one tries again: a reconciler that stopped would silently strand timers.</remarks>
public abstract class PeriodicReconciler(IOptions<SchedulingOptions> options, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>One pass; returns how many triggers it had to create.</summary>
    public abstract Task<int> ReconcileAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReconcileIntervalSeconds), clock);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Reconciler} pass failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
