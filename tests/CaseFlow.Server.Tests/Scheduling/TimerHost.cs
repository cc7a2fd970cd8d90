using CaseFlow.Server.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace CaseFlow.Server.Tests.Scheduling;

/// <summary>A plain host running the real Quartz registration on a real SQLite file, with a recording timer handler.</summary>
internal sealed class TimerHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly bool _started;

    private TimerHost(TestDatabase database, IHost host, RecordingTimerFiring firing, bool started)
    {
        _database = database;
        _started = started;
        Host = host;
        Firing = firing;
    }

    public IHost Host { get; }

    public RecordingTimerFiring Firing { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Builds the host; with <paramref name="start"/> false no hosted service runs (no firing, no background reconciler pass).</summary>
    public static async Task<TimerHost> StartAsync(CancellationToken cancellationToken, bool start = true, Action<HostApplicationBuilder>? configure = null, Func<IServiceProvider, Task>? beforeStart = null)
    {
        var database = new TestDatabase();
        var builder = database.CreateBuilder(new Dictionary<string, string?>
        {
            // Quartz keeps schedulers in a process-wide repository by name; parallel tests must not share one.
            ["CaseFlow:Scheduling:SchedulerName"] = "caseflow-test-" + Guid.NewGuid().ToString("N"),
            ["CaseFlow:Scheduling:RetryBaseDelaySeconds"] = "0.5",
            ["CaseFlow:Scheduling:RetryMaxDelaySeconds"] = "1",
            ["CaseFlow:Scheduling:MisfireThresholdSeconds"] = "1",
            ["CaseFlow:Scheduling:ReconcileIntervalSeconds"] = "3600",
        });
        builder.AddCaseFlowScheduling();
        var firing = new RecordingTimerFiring();
        builder.Services.RemoveAll<ITimerFiring>();
        builder.Services.AddSingleton<ITimerFiring>(firing);
        configure?.Invoke(builder);
        var host = builder.Build();
        await TestDatabase.CreateSchemaAsync(host.Services, cancellationToken);
        if (beforeStart is not null)
        {
            await beforeStart(host.Services);
        }

        if (start)
        {
            await host.StartAsync(cancellationToken);
        }

        return new TimerHost(database, host, firing, start);
    }

    public async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken) =>
        await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);

    public async Task<IReadOnlyList<TriggerKey>> TimerTriggersAsync(CancellationToken cancellationToken)
    {
        var scheduler = await SchedulerAsync(cancellationToken);
        var page = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals("caseflow-timers") }, cancellationToken);
        return page.Items.Select(h => h.Key).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Host.StopAsync(CancellationToken.None);
        }
        else
        {
            // Only created on demand (standby); shut it down so its name and the database file are released.
            await (await SchedulerAsync(CancellationToken.None)).Shutdown(waitForJobsToComplete: false, CancellationToken.None);
        }

        Host.Dispose();
        _database.Dispose();
    }
}
