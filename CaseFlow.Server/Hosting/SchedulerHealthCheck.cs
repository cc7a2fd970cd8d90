using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CaseFlow.Server.Hosting;

/// <summary>Healthy when the Quartz scheduler is running (not in stand-by or shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The timer scheduler is not running.");
    }
}
