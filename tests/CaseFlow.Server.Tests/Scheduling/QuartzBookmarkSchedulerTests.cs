using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseFlow.Server.Tests.Scheduling;

public sealed class QuartzBookmarkSchedulerTests
{
    private static readonly TimeSpan FireTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ScheduleAsync_KeepsOneTrigger_WhenCalledTwiceForSameBookmark()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var instanceId = Guid.NewGuid();
        var due = DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "warn", Guid.NewGuid(), due);

        await scheduler.ScheduleAsync(instanceId, [timer], ct);
        await scheduler.ScheduleAsync(instanceId, [timer], ct);

        var key = Assert.Single(await host.TimerTriggersAsync(ct));
        Assert.Equal(timer.Id.ToString("D"), key.Name);
        var trigger = await (await host.SchedulerAsync(ct)).GetTrigger(key, ct);
        Assert.NotNull(trigger);
        Assert.Equal(due, trigger.StartTimeUtc);
        Assert.Equal(instanceId.ToString("D"), trigger.JobDataMap.GetString("instanceId"));
    }

    [Fact]
    public async Task UnscheduleAsync_RemovesTriggerAndIgnoresUnknownIds_WhenGivenBoth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "warn", Guid.NewGuid(), DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);

        await scheduler.UnscheduleAsync([timer.Id, Guid.NewGuid()], ct);

        Assert.Empty(await host.TimerTriggersAsync(ct));
    }

    [Fact]
    public async Task ResumeTimerJob_FiresExactlyOnce_WhenBookmarkIsDue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "escalate", Guid.NewGuid(), TimeProvider.System.GetUtcNow().AddMilliseconds(500));

        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);
        await host.Firing.WaitForCallsAsync(timer.Id, 1, FireTimeout, ct);

        // Long enough for a second firing, a retry or a misfire to show up if there were one.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(1, host.Firing.CallsFor(timer.Id));
        Assert.True(host.Firing.WasConsumed(timer.Id));
        Assert.Empty(await host.TimerTriggersAsync(ct));
    }

    [Fact]
    public async Task ResumeTimerJob_RetriesUntilFired_WhenFiringThrows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        host.Firing.FailuresLeft = 2;
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "escalate", Guid.NewGuid(), TimeProvider.System.GetUtcNow());

        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);
        await host.Firing.WaitForCallsAsync(timer.Id, 3, FireTimeout, ct);

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(3, host.Firing.CallsFor(timer.Id));
        Assert.True(host.Firing.WasConsumed(timer.Id));
    }

    [Fact]
    public async Task ResumeTimerJob_SucceedsWithoutRetry_WhenFiringUnschedulesItsOwnTrigger()
    {
        // The command runner unschedules consumed bookmarks after commit, which includes the timer being fired.
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "escalate", Guid.NewGuid(), TimeProvider.System.GetUtcNow());
        host.Firing.OnFire = (bookmarkId, token) => scheduler.UnscheduleAsync([bookmarkId], token);

        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);
        await host.Firing.WaitForCallsAsync(timer.Id, 1, FireTimeout, ct);

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(1, host.Firing.CallsFor(timer.Id));
        Assert.Empty(await host.TimerTriggersAsync(ct));
    }

    [Fact]
    public async Task ResumeTimerJob_IsNoOpWithoutRetry_WhenBookmarkWasAlreadyConsumed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct);
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "escalate", Guid.NewGuid(), TimeProvider.System.GetUtcNow());
        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);
        await host.Firing.WaitForCallsAsync(timer.Id, 1, FireTimeout, ct);

        // A duplicate: the reconciler or a second node schedules the consumed bookmark again.
        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer with { DueAt = TimeProvider.System.GetUtcNow() }], ct);
        await host.Firing.WaitForCallsAsync(timer.Id, 2, FireTimeout, ct);

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(2, host.Firing.CallsFor(timer.Id));
        Assert.Empty(await host.TimerTriggersAsync(ct));
    }
}
