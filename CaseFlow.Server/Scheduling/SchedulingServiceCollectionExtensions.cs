using CaseFlow.Server.Escalations;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Scheduling;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>Registers Quartz (ADO job store in the application's database, clustered on PostgreSQL), the timer job, the reconciler and the escalation sweep.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Adds timers. Call after <c>AddCaseFlowPersistence</c>.</summary>
    /// <remarks>
    /// Hosted services start in registration order, and Quartz provisions its tables when it starts, so the
    /// database initializer registered by <c>AddCaseFlowPersistence</c> must come first: the file exists, is
    /// in WAL mode and migrated before Quartz or the reconciler touch it.
    /// </remarks>
    public static IHostApplicationBuilder AddCaseFlowScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SchedulingOptions.Section);
        builder.Services.AddOptions<SchedulingOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        // Quartz is configured now, before the container exists; the connection string is only known to the
        // DatabaseConnection singleton, so the store asks for it when it first opens a connection.
        var settings = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        var provider = DatabaseConnection.ProviderOf(builder.Configuration);
        builder.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = settings.SchedulerName;

                // A cluster needs a distinct id per node; AUTO makes one from the host name and the time.
                scheduler.InstanceId = provider == DatabaseProvider.Postgres && settings.InstanceId == SchedulingOptions.DefaultInstanceId
                    ? "AUTO"
                    : settings.InstanceId;
            });
            quartz.UseDefaultThreadPool(settings.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.Postgres)
                {
                    // Every node runs the same scheduler name on one database; the cluster hands each trigger to one
                    // node and recovers the jobs of a node that stops checking in.
                    store.UsePostgres(source => source.DataSourceFactory = services =>
                        NpgsqlDataSource.Create(services.GetRequiredService<DatabaseConnection>().ConnectionString));
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(settings.ClusterCheckinIntervalSeconds);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(settings.ClusterCheckinMisfireThresholdSeconds);
                    });
                }
                else
                {
                    store.UseSqlite(source => source.DataSourceFactory = services =>
                        SqliteFactory.Instance.CreateDataSource(services.GetRequiredService<DatabaseConnection>().ConnectionString));
                }

                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(jobStore =>
                {
                    jobStore.MisfireThreshold = TimeSpan.FromSeconds(settings.MisfireThresholdSeconds);
                    jobStore.StoreJobDataAsStrings = true;
                });
            });
            quartz.AddJob<ResumeTimerJob>(job => job
                .WithIdentity(TimerKeys.ResumeTimerJob)
                .WithDescription("Resumes a timer bookmark")
                .StoreDurably()
                .RequestRecovery());
            quartz.AddJob<StartTimerInstanceJob>(job => job
                .WithIdentity(TimerStartKeys.StartInstanceJob)
                .WithDescription("Starts the instance of a timer start event's occurrence")
                .StoreDurably()
                .RequestRecovery());
            quartz.AddJob<EscalationSweepJob>(job => job
                .WithIdentity(EscalationSweepJob.Key)
                .WithDescription("Fires due deadline warnings and escalation steps")
                .StoreDurably());
            if (settings.EscalationSweepEnabled)
            {
                quartz.AddTrigger(trigger => trigger
                    .ForJob(EscalationSweepJob.Key)
                    .WithIdentity(EscalationSweepJob.TriggerKey)
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule
                        .WithInterval(TimeSpan.FromSeconds(settings.EscalationSweepSeconds))
                        .RepeatForever()

                        // The next sweep starts an interval after this one ends; after downtime one sweep at once catches up on
                        // everything: replaying each missed interval would add nothing.
                        .MeasureIntervalFromCompletion(true)
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
            }

            Security.RetentionJob.Register(quartz, builder.Configuration);
        });
        builder.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);

        builder.Services.AddScoped<ITimerFiring, CommandRunnerTimerFiring>();
        builder.Services.AddScoped<EscalationSweeper>();
        builder.Services.AddSingleton<QuartzBookmarkScheduler>();
        builder.Services.AddSingleton<IBookmarkScheduler>(services => services.GetRequiredService<QuartzBookmarkScheduler>());
        builder.Services.AddSingleton<TimerReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TimerReconciler>());
        builder.Services.AddSingleton<TimerStartScheduler>();
        builder.Services.AddScoped<TimerStartFiring>();
        builder.Services.AddSingleton<TimerStartReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TimerStartReconciler>());
        return builder;
    }
}
