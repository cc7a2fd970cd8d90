using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Security;

/// <summary>The Quartz job that runs <see cref="CaseAnonymiser"/> every <see cref="RetentionOptions.IntervalHours"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(CaseAnonymiser anonymiser, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "caseflow");

    public static readonly TriggerKey TriggerKey = new("retention", "caseflow");

    /// <summary>Adds the job and, when retention is enabled, its repeating trigger; called from the Quartz set-up.</summary>
    public static void Register(IQuartzBuilder quartz, IConfiguration configuration)
    {
        var retention = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        quartz.AddJob<RetentionJob>(job => job.WithIdentity(Key).WithDescription("Anonymises personal data of long-closed cases").StoreDurably());
        if (retention.Enabled)
        {
            quartz.AddTrigger(trigger => trigger
                .ForJob(Key)
                .WithIdentity(TriggerKey)
                .StartAt(TimeProvider.System.GetUtcNow().AddMinutes(10)) // not in the busy start-up minutes
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(TimeSpan.FromHours(retention.IntervalHours))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
        }
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var count = await anonymiser.RunAsync(cancellationToken);
        if (count > 0)
        {
            logger.LogInformation("Retention: anonymised the personal data of {Count} closed cases", count);
        }
    }
}
