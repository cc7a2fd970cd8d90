using CaseFlow.Server.Escalations;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>
/// The Quartz job behind deadline ladders: one repeating trigger runs the sweep, which fires every step due by now.
/// </summary>
/// <remarks>
/// One sweep rather than one trigger per step: a wave of 100,000 deadlines falling due in the same minute is a few
/// hundred batched transactions instead of 100,000 Quartz firings. Quartz keeps two sweeps of this node from
/// overlapping; the deadline's concurrency token keeps two nodes from firing one step twice.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed class EscalationSweepJob(EscalationSweeper sweeper, IOptions<SchedulingOptions> options, ILogger<EscalationSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("escalation-sweep", "caseflow");

    public static readonly TriggerKey TriggerKey = new("escalation-sweep", "caseflow");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // A trigger stored by an earlier run outlives the setting; switched off, the job does nothing.
        if (!options.Value.EscalationSweepEnabled)
        {
            return;
        }

        var fired = await sweeper.SweepAsync(cancellationToken);
        if (fired > 0)
        {
            logger.LogInformation("Escalation sweep fired {Fired} ladder steps", fired);
        }
    }
}
