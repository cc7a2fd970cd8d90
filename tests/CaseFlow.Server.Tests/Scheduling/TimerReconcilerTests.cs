using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Scheduling;

public sealed class TimerReconcilerTests
{
    [Fact]
    public async Task ReconcileAsync_SchedulesTrigger_WhenOpenTimerBookmarkHasNone()
    {
        var ct = TestContext.Current.CancellationToken;

        // Not started: the hosted reconciler's own start-up pass would race this test's call.
        await using var host = await TimerHost.StartAsync(ct, start: false);
        var due = TimeProvider.System.GetUtcNow().AddHours(1);
        var bookmarkId = await AddTimerBookmarkAsync(host.Services, due, ct);
        var reconciler = host.Services.GetRequiredService<TimerReconciler>();

        var scheduled = await reconciler.ReconcileAsync(ct);

        Assert.Equal(1, scheduled);
        var key = Assert.Single(await host.TimerTriggersAsync(ct));
        Assert.Equal(bookmarkId.ToString("D"), key.Name);
        Assert.Equal(0, await reconciler.ReconcileAsync(ct));
    }

    [Fact]
    public async Task ReconcileAsync_LeavesOtherBookmarksAlone_WhenTheyAreNotTimers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TimerHost.StartAsync(ct, start: false);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            db.Bookmarks.Add(new StoredBookmark { Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), Kind = BookmarkKind.UserTask, ElementId = "review" });
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(0, await host.Services.GetRequiredService<TimerReconciler>().ReconcileAsync(ct));
        Assert.Empty(await host.TimerTriggersAsync(ct));
    }

    [Fact]
    public async Task TimerReconciler_FiresOverdueTimerOnceAtStartUp_WhenItsTriggerWasLostInACrash()
    {
        // The bookmark row was committed, then the process died before scheduling: the next start must fire it.
        var ct = TestContext.Current.CancellationToken;
        var bookmarkId = Guid.Empty;
        await using var host = await TimerHost.StartAsync(
            ct,
            beforeStart: async services => bookmarkId = await AddTimerBookmarkAsync(services, TimeProvider.System.GetUtcNow().AddMinutes(-5), ct));

        await host.Firing.WaitForCallsAsync(bookmarkId, 1, TimeSpan.FromSeconds(20), ct);

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(1, host.Firing.CallsFor(bookmarkId));
    }

    private static async Task<Guid> AddTimerBookmarkAsync(IServiceProvider services, DateTimeOffset due, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var bookmark = new StoredBookmark
        {
            Id = Guid.NewGuid(),
            InstanceId = Guid.NewGuid(),
            Kind = BookmarkKind.Timer,
            ElementId = "deadline-warning",
            DueAt = due,
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        db.Bookmarks.Add(bookmark);
        await db.SaveChangesAsync(ct);
        return bookmark.Id;
    }
}
