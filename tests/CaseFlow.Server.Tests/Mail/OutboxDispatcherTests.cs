using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Mail;

public sealed class OutboxDispatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task DispatchDueAsync_DeliversPendingMessageOnce_WhenSmtpServerIsUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 3, ct);
        var row = await host.AddMessageAsync("投诉已受理 TS-2026-0001", "您的投诉已于2026年4月30日受理。", ct);

        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(ct));

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, Timeout, ct));
        Assert.Equal("投诉已受理 TS-2026-0001", message.Subject);
        Assert.Equal("您的投诉已于2026年4月30日受理。", message.TextBody?.Trim());
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("complainant@example.cn", Assert.Single(message.To.Mailboxes).Address);
        var stored = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Equal(OutboxHost.Start, stored.SentAt);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LockedBy);
    }

    [Fact]
    public async Task DispatchDueAsync_RetriesWithBackoffAndDeliversOnce_WhenSmtpServerComesBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        await smtp.StopAsync();
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 5, ct);
        var row = await host.AddMessageAsync("处理期限提醒", "您的工单即将超期。", ct);

        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));
        var first = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(OutboxState.Pending, first.State);
        Assert.Equal(1, first.Attempts);
        Assert.NotNull(first.LastError);
        Assert.Equal(OutboxHost.Start.AddSeconds(10), first.NextAttemptAt);

        // Not due yet: nothing is claimed before the backoff has passed.
        host.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(ct));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));
        var second = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(host.Clock.GetUtcNow().AddSeconds(20), second.NextAttemptAt);

        await smtp.StartAsync(ct);
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(ct));

        Assert.Single(await smtp.WaitForMessagesAsync(1, Timeout, ct));
        var sent = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(3, sent.Attempts);
    }

    [Fact]
    public async Task DispatchDueAsync_MarksMessageFailed_WhenRetryBudgetIsExhausted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        await smtp.StopAsync();
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 3, ct);
        var row = await host.AddMessageAsync("结案通知", "您的投诉已办结。", ct);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await smtp.StartAsync(ct);
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(ct));
        var failed = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(3, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task DispatchDueAsync_MarksMessageFailedAtOnce_WhenRecipientAddressIsInvalid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 5, ct);
        var row = await host.AddMessageAsync("受理通知", "您的投诉已受理。", ct, to: "not an address <<");

        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));

        var failed = await host.ReloadAsync(row.Id, ct);
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
    }

    [Fact]
    public async Task DispatchDueAsync_DeliversEachMessageOnce_WhenTwoDispatchersRace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 3, ct);
        const int count = 20;
        var rows = new List<StoredOutboxMessage>();
        for (var i = 0; i < count; i++)
        {
            rows.Add(await host.AddMessageAsync($"举报受理通知 {i}", $"第{i}号举报已受理。", ct));
        }

        var nodeA = host.NewDispatcher();
        var nodeB = host.NewDispatcher();
        Assert.NotEqual(nodeA.NodeId, nodeB.NodeId);

        var claimed = await Task.WhenAll(Task.Run(() => nodeA.DispatchDueAsync(ct), ct), Task.Run(() => nodeB.DispatchDueAsync(ct), ct));

        Assert.Equal(count, claimed.Sum());
        var received = await smtp.WaitForMessagesAsync(count, Timeout, ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        received = smtp.Messages;
        Assert.Equal(count, received.Count);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
        foreach (var row in rows)
        {
            Assert.Equal(OutboxState.Sent, (await host.ReloadAsync(row.Id, ct)).State);
        }
    }
}
