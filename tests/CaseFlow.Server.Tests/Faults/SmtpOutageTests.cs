using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// The SMTP server is down while emails are queued and comes back later, the CaseFlow server running throughout (no
/// kill: CrashRecoveryTests covers that): every email arrives exactly once, counted by Message-Id at the SMTP server.
/// Runs on both providers.
/// </summary>
public sealed class SmtpOutageTests : IAsyncDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-smtp-outage", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmailsQueuedWhileSmtpIsDown_AreDeliveredOnceEach_WhenItReturns()
    {
        await using var smtp = await SmtpServer.StartNewAsync(Cancel);
        await smtp.StopAsync();
        await using var server = new ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["CaseFlow__Smtp__Host"] = smtp.Host,
            ["CaseFlow__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        });
        await server.StartAsync(Cancel);
        var intake = await server.ClientForAsync("intake", Cancel);
        var admin = await server.ClientForAsync("admin", Cancel);

        // Refusing a complaint writes a letter to the complainant into the outbox, in the refusal's transaction.
        var recipients = Enumerable.Range(0, 6).Select(i => $"outage-{i}-{Guid.NewGuid():N}@example.org").ToList();
        foreach (var recipient in recipients)
        {
            var created = await intake.CreateComplaintAsync(recipient);
            var task = (await intake.TasksAsync((string)created["id"]!))[0]!;
            var refused = await intake.CompleteAsync((string)task["id"]!, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "超过三年（第十六条第四项）" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        // Down long enough for every email to fail at least twice (retries 0.5 s, 1 s, 2 s, ...), yet still be pending.
        Assert.True(
            await Requests.EventuallyAsync(async () => (await PendingAsync(admin)).Count(m => (int)m!["attempts"]! >= 2) >= recipients.Count, TimeSpan.FromSeconds(20)),
            $"the emails were not retried while SMTP was down: {(await PendingAsync(admin)).ToJsonString()}");
        Assert.Empty(smtp.Messages);

        await smtp.StartAsync(Cancel);
        await smtp.WaitForMessagesAsync(recipients.Count, TimeSpan.FromSeconds(30), Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // room for a duplicate to arrive

        var messages = smtp.Messages;
        Assert.All(messages.GroupBy(m => m.MessageId, StringComparer.Ordinal), g => Assert.Single(g));
        var delivered = messages.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).ToList();
        Assert.All(recipients, recipient => Assert.Single(delivered, a => a == recipient));
        Assert.True(
            await Requests.EventuallyAsync(async () => (await PendingAsync(admin)).Count == 0, TimeSpan.FromSeconds(10)),
            "emails stayed pending after they were delivered");
    }

    public ValueTask DisposeAsync()
    {
        TestDatabases.Delete(dataDirectory);
        return ValueTask.CompletedTask;
    }

    private static async Task<JsonArray> PendingAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonObject>("/api/admin/outbox?state=pending&pageSize=200", Cancel))!["items"]!.AsArray();
}
