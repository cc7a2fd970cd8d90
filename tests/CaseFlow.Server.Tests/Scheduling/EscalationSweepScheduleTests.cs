using CaseFlow.Server.Scheduling;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseFlow.Server.Tests.Scheduling;

/// <summary>
/// The escalation sweep's schedule: a wave needing the sweep at an instant is swept at that instant, not at the next
/// interval, and a sweep that stops at its time budget mid-wave is followed at once. The interval here is an hour, so
/// only those two rules can explain a wave swept within seconds.
/// </summary>
public sealed class EscalationSweepScheduleTests : IClassFixture<EscalationSweepScheduleTests.HourlySweepApp>
{
    private const int Deadlines = 400;

    private readonly HourlySweepApp app;

    public EscalationSweepScheduleTests(HourlySweepApp app) => this.app = app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWaveNeedingTheSweepAtAnInstant_IsSweptThen_AndCarriedOnPastTheSweepsTimeBudget()
    {
        var wave = await EscalationWave.SeedAsync(app.DataDirectory, Deadlines, TimeProvider.System, Cancel);
        var at = TimeProvider.System.GetUtcNow().AddSeconds(4);
        await wave.ReleaseAsync(Cancel, at);

        // Some sweep runs before the instant (here: asked for now); the hourly trigger would come back in an hour.
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Cancel);
        await scheduler.TriggerJob(EscalationSweepJob.Key, Cancel);
        Assert.True(
            await Requests.EventuallyAsync(async () => await scheduler.GetTrigger(EscalationSweepJob.SoonerTriggerKey, Cancel) is not null, TimeSpan.FromSeconds(3)),
            "the sweep before the instant did not schedule one for it");
        Assert.Equal(0, await wave.FiredAsync(Cancel));

        Assert.True(
            await Requests.EventuallyAsync(async () => await wave.FiredAsync(Cancel) == Deadlines, TimeSpan.FromSeconds(30)),
            $"{await wave.FiredAsync(Cancel)} of {Deadlines} deadlines escalated 30 s after they needed the sweep");
        var times = await wave.FiringTimesAsync(Cancel);
        Assert.True(times[0] >= at, $"the first step fired at {times[0]:O}, before the instant {at:O}");
        Assert.True(times[0] - at < TimeSpan.FromSeconds(3), $"the first step fired {(times[0] - at).TotalSeconds:N1} s after the instant");

        // One-deadline batches and a one-second budget: the wave outlasts a sweep, so a second one must have followed.
        Assert.True(times[^1] - times[0] > TimeSpan.FromSeconds(1), "the wave fitted in one sweep's budget, so the follow-up went untested");
    }

    /// <summary>The sweep scheduled hourly, firing one deadline per batch, for at most one second per sweep.</summary>
    public sealed class HourlySweepApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("CaseFlow:Scheduling:EscalationSweepSeconds", "3600"),
            new("CaseFlow:Scheduling:EscalationBatchSize", "1"),
            new("CaseFlow:Scheduling:EscalationSweepBudgetSeconds", "1"),
        ];
    }
}
