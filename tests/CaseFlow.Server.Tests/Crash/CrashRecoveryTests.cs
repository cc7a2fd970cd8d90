using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Crash;

/// <summary>
/// The server process is killed with SIGKILL while timers are pending, during commands and with emails queued;
/// after a restart on the same SQLite file nothing is lost, stuck or done twice.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-crash", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timers_FireExactlyOnce_WhenServerIsKilledBeforeTheyAreDue()
    {
        await using var first = new ServerProcess(dataDirectory);
        await first.StartAsync(Cancel);
        var legal = await first.ClientForAsync("legal", Cancel);
        var key = await PublishAsync(legal, k => TestProcesses.Timer(k, "PT3S"));
        var instances = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"T-{i}" }, Cancel);
            instances.Add((string)(await started.ReadObjectAsync())["id"]!);
        }

        first.Kill();
        await Task.Delay(TimeSpan.FromSeconds(4), Cancel); // the timers fall due while no server runs
        await using var second = new ServerProcess(dataDirectory);
        await second.StartAsync(Cancel);
        var client = await second.ClientForAsync("legal", Cancel);

        foreach (var id in instances)
        {
            Assert.True(
                await Requests.EventuallyAsync(async () => (string)(await InstanceAsync(client, id))["status"]! == "completed", TimeSpan.FromSeconds(30)),
                $"instance {id} did not complete after the restart");
        }

        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // room for a duplicate firing to show itself
        foreach (var id in instances)
        {
            var history = (await InstanceAsync(client, id))["history"]!.AsArray();
            Assert.Single(history, h => (string)h!["event"]! == "TimerFired");
        }
    }

    [Fact]
    public async Task Intake_LosesAndDuplicatesNothing_WhenServerIsKilledDuringCommands()
    {
        const int count = 30;
        var keys = Enumerable.Range(0, count).Select(i => $"crash-intake-{i}").ToList();
        await using (var first = new ServerProcess(dataDirectory))
        {
            await first.StartAsync(Cancel);
            var intake = await first.ClientForAsync("intake", Cancel);
            var inFlight = keys.Select(k => SendIntakeAsync(intake, k)).ToList();
            await Task.Delay(150, Cancel);
            first.Kill();
            await Task.WhenAll(inFlight); // each either committed or failed with the connection
        }

        await using var second = new ServerProcess(dataDirectory);
        await second.StartAsync(Cancel);
        var retry = await second.ClientForAsync("intake", Cancel);
        var ids = new HashSet<string>();
        foreach (var key in keys)
        {
            var response = await SendIntakeAsync(retry, key);
            Assert.NotNull(response);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{key}: {response.StatusCode}");
            ids.Add((string)(await response.ReadObjectAsync())["id"]!);
        }

        Assert.Equal(count, ids.Count);
        var all = await retry.GetFromJsonAsync<JsonObject>("/api/cases?pageSize=200", Cancel);
        Assert.Equal(count, (int)all!["total"]!);
        foreach (var id in ids)
        {
            var view = await retry.GetCaseAsync(id);
            Assert.Equal("registered", (string)view["status"]!);
            Assert.Single(view["tasks"]!.AsArray());
            Assert.Single(view["deadlines"]!.AsArray());
        }
    }

    [Fact]
    public async Task Emails_AreDeliveredExactlyOnce_AfterAKillWhileSmtpWasDown()
    {
        await using var smtp = await SmtpServer.StartNewAsync(Cancel);
        var settings = new Dictionary<string, string>
        {
            ["CaseFlow__Smtp__Host"] = smtp.Host,
            ["CaseFlow__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // While the SMTP server is down the delays double (5 s, 10 s, 20 s, ...), and a message the killed server had
            // claimed stays leased to it (120 s by default) before another may take it: on a slow machine either pushed
            // the last email past the 30 s this test waits after the restart. Short delays and leases keep the test
            // about delivering once, not about the defaults.
            ["CaseFlow__Outbox__RetryMaxDelaySeconds"] = "5",
            ["CaseFlow__Outbox__LockSeconds"] = "5",
        };
        await smtp.StopAsync();
        var recipients = Enumerable.Range(0, 3).Select(i => $"crash-mail-{i}-{Guid.NewGuid():N}@example.org").ToList();
        await using (var first = new ServerProcess(dataDirectory, settings))
        {
            await first.StartAsync(Cancel);
            var intake = await first.ClientForAsync("intake", Cancel);
            foreach (var recipient in recipients)
            {
                var created = await intake.CreateComplaintAsync(recipient);
                var task = (await intake.TasksAsync((string)created["id"]!))[0]!;
                var refused = await intake.CompleteAsync((string)task["id"]!, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "超过三年（第十六条第四项）" });
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            }

            first.Kill();
        }

        await smtp.StartAsync(Cancel);
        await using var second = new ServerProcess(dataDirectory, settings);
        await second.StartAsync(Cancel);

        await smtp.WaitForMessagesAsync(recipients.Count, TimeSpan.FromSeconds(30), Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // room for a duplicate to arrive
        var delivered = smtp.Messages.SelectMany(m => m.To.Mailboxes.Select(a => a.Address)).ToList();
        foreach (var recipient in recipients)
        {
            Assert.Single(delivered, a => a == recipient);
        }
    }

    public void Dispose() => TestDatabases.Delete(dataDirectory);

    private static async Task<HttpResponseMessage?> SendIntakeAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(Requests.Complaint(email: null, subject: "批量投诉 " + key)) };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            return await client.SendAsync(request);
        }
        catch (HttpRequestException)
        {
            return null; // the server died under this request; the client retries with the same key
        }
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    private static async Task<string> PublishAsync(HttpClient legal, Func<string, string> document)
    {
        var key = "crash-" + Guid.NewGuid().ToString("N")[..8];
        using var content = new StringContent(document(key), Encoding.UTF8, "application/xml");
        Assert.Equal(HttpStatusCode.OK, (await legal.PutAsync($"/api/processes/{key}/draft", content)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{key}/publish", null)).StatusCode);
        return key;
    }
}
