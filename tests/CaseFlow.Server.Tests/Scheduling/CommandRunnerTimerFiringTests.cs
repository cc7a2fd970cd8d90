using System.Collections.Concurrent;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Server.Tests.Scheduling;

public sealed class CommandRunnerTimerFiringTests
{
    [Fact]
    public async Task ResumeTimerJob_CompletesAsNoOp_WhenCommandRunnerFindsNoOpenBookmark()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcomes = new ConcurrentQueue<bool>();
        await using var host = await TimerHost.StartAsync(ct, configure: builder =>
        {
            builder.AddCaseFlowCore();
            builder.Services.RemoveAll<ICommandCommitSignal>();
            builder.Services.AddSingleton<ICommandCommitSignal, NoSignal>();
            builder.Services.RemoveAll<ITimerFiring>();
            builder.Services.AddScoped<ITimerFiring>(services =>
                new ObservedFiring(new CommandRunnerTimerFiring(services.GetRequiredService<WorkflowCommandRunner>()), outcomes));
        });
        var scheduler = host.Services.GetRequiredService<QuartzBookmarkScheduler>();

        // No instance row at all: the timer's instance ended (or never committed), so the firing must do nothing.
        var timer = new Bookmark(Guid.NewGuid(), BookmarkKind.Timer, "escalate", Guid.NewGuid(), TimeProvider.System.GetUtcNow());
        await scheduler.ScheduleAsync(Guid.NewGuid(), [timer], ct);

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (outcomes.IsEmpty && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50, ct);
        }

        // Long enough for a retry (0.5 s in the test host) to show up if the firing had failed.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal([false], outcomes.ToArray());
        Assert.Empty(await host.TimerTriggersAsync(ct));
    }

    private sealed class ObservedFiring(ITimerFiring inner, ConcurrentQueue<bool> outcomes) : ITimerFiring
    {
        public async Task<bool> FireAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
        {
            var fired = await inner.FireAsync(instanceId, bookmarkId, cancellationToken);
            outcomes.Enqueue(fired);
            return fired;
        }
    }

    private sealed class NoSignal : ICommandCommitSignal
    {
        public void EmailsQueued()
        {
        }
    }
}
