using CaseFlow.Server.Escalations;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>
/// The Quartz job behind deadline ladders: one repeating trigger runs the sweep, which fires every step due by now;
/// after each sweep, a one-off trigger brings the next one forward when the ladders need it sooner than the interval.
/// </summary>
/// <remarks>
/// <para>One sweep rather than one trigger per step: a wave of 100,000 deadlines falling due in the same minute is a
/// few hundred batched transactions instead of 100,000 Quartz firings. Quartz keeps two sweeps from overlapping, on
/// this node and across the cluster; the deadline's concurrency token keeps two nodes from firing one step twice.</para>
/// <para>The one-off triggers close the two gaps the interval alone leaves: a wave due at 17:00:00 starts at
/// 17:00:00, not up to an interval later, and a sweep that stops at its time budget mid-wave is followed at once,
/// not an interval after it ends.</para>
/// </remarks>
[DisallowConcurrentExecution]
internal sealed class EscalationSweepJob(
    EscalationSweeper sweeper,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<EscalationSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("escalation-sweep", "caseflow");

    public static readonly TriggerKey TriggerKey = new("escalation-sweep", "caseflow");

    /// <summary>The one-off trigger that brings the next sweep forward.</summary>
    public static readonly TriggerKey SoonerTriggerKey = new("escalation-sweep-sooner", "caseflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A trigger stored by an earlier run outlives the setting; switched off, the job does nothing.
        if (!options.Value.EscalationSweepEnabled)
        {
            return;
        }

        var outcome = await sweeper.SweepDueAsync(cancellationToken);
        if (outcome.Fired > 0)
        {
            logger.LogInformation("Escalation sweep fired {Fired} ladder steps{More}", outcome.Fired, outcome.BudgetSpent ? "; more are due, sweeping again at once" : "");
        }

        if (NextSweepAt(outcome) is { } at)
        {
            await ScheduleSoonerAsync(context.Scheduler, at, cancellationToken);
        }
    }

    /// <summary>When the next sweep must start if the repeating trigger would be too late for it; null when it will do.</summary>
    private DateTimeOffset? NextSweepAt(SweepOutcome outcome)
    {
        var now = clock.GetUtcNow();
        if (outcome.BudgetSpent)
        {
            return now;
        }

        // The repeating trigger fires an interval after this sweep ends; anything due before that gets its own.
        return outcome.NextInstant is { } next && next < now.AddSeconds(options.Value.EscalationSweepSeconds) ? next : null;
    }

    /// <summary>One trigger key for every early sweep: KeepEarlier keeps whichever instant comes first, across nodes.</summary>
    private async Task ScheduleSoonerAsync(IScheduler scheduler, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(SoonerTriggerKey)
            .ForJob(Key)
            .StartAt(at)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.KeepEarlier, cancellationToken);
    }
}
