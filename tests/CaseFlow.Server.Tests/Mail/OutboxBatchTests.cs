using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CaseFlow.Server.Tests.Mail;

/// <summary>
/// Issue 23: the dispatcher claims due rows in batches (one UPDATE each) and records a batch's outcomes in one
/// transaction; every message still goes out once with its row's Message-Id, and each row's outcome is its own.
/// </summary>
public sealed class OutboxBatchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MoreMessagesThanABatch_GoOutInFullBatches_EachOnceWithItsMessageId()
    {
        await using var smtp = await SmtpServer.StartNewAsync(Cancel);
        using var host = await OutboxHost.CreateAsync(smtp.Host, smtp.Port, maxAttempts: 3, Cancel);
        var count = OutboxDispatcher.BatchSize + 30;
        var rows = new List<StoredOutboxMessage>();
        for (var i = 0; i < count; i++)
        {
            rows.Add(await host.AddMessageAsync($"受理通知 {i}", $"第{i}号投诉已受理。", Cancel));
        }

        Assert.Equal(OutboxDispatcher.BatchSize, await host.Dispatcher.DispatchDueAsync(Cancel));
        Assert.Equal(30, await host.Dispatcher.DispatchDueAsync(Cancel));
        Assert.Equal(0, await host.Dispatcher.DispatchDueAsync(Cancel));

        var received = await smtp.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30), Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel); // room for a duplicate to show itself
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), smtp.Messages.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(count, received.Count);
        foreach (var row in rows)
        {
            var stored = await host.ReloadAsync(row.Id, Cancel);
            Assert.Equal((OutboxState.Sent, 1, (string?)null), (stored.State, stored.Attempts, stored.LockedBy));
        }
    }

    [Fact]
    public async Task ABatchOfSentFailedAndUnstartedMessages_RecordsEachOutcome()
    {
        using var host = await OutboxHost.CreateAsync(null, 0, maxAttempts: 3, Cancel);
        var sent = await host.AddMessageAsync("已发送", "一", Cancel);
        var refused = await host.AddMessageAsync("被拒收", "二", Cancel);
        var late = await host.AddMessageAsync("未开始", "三", Cancel);
        var transport = new ScriptedTransport(new Dictionary<string, Exception?>
        {
            [sent.MessageId] = null,
            [refused.MessageId] = new IOException("550 mailbox unavailable"),
            [late.MessageId] = MailBatch.NotAttempted,
        });
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(host.Services, (IMailTransport)transport);

        Assert.Equal(3, await dispatcher.DispatchDueAsync(Cancel));

        var s = await host.ReloadAsync(sent.Id, Cancel);
        Assert.Equal((OutboxState.Sent, 1, (string?)null, OutboxHost.Start), (s.State, s.Attempts, s.LockedBy, s.SentAt!.Value));
        var r = await host.ReloadAsync(refused.Id, Cancel);
        Assert.Equal((OutboxState.Pending, 1, (string?)null, OutboxHost.Start.AddSeconds(10)), (r.State, r.Attempts, r.LockedBy, r.NextAttemptAt));
        Assert.Contains("550", r.LastError, StringComparison.Ordinal);

        // Never started (its claim was running out): released at once, no attempt counted, due again now.
        var l = await host.ReloadAsync(late.Id, Cancel);
        Assert.Equal((OutboxState.Pending, 0, (string?)null, (DateTimeOffset?)null), (l.State, l.Attempts, l.LockedBy, l.LockedUntil));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Cancel)); // the refused row waits for its backoff; the late one goes again
    }

    /// <summary>Answers each message with the outcome scripted for its Message-Id.</summary>
    private sealed class ScriptedTransport(Dictionary<string, Exception?> outcomes) : IMailTransport
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            outcomes[message.MessageId!] is { } error ? Task.FromException(error) : Task.CompletedTask;

        public Task<Exception?[]> SendAllAsync(IReadOnlyList<MimeMessage> messages, long startBy, CancellationToken cancellationToken) =>
            Task.FromResult(messages.Select(m => outcomes[m.MessageId!]).ToArray());
    }
}
