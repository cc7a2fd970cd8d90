using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Crash;

/// <summary>A timer start survives a SIGKILL of the server: after the restart it starts what is left of its cycle, never more.</summary>
public sealed class TimerStartCrashTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-crash", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimerStart_StartsNoExtraInstances_AcrossAKillAndRestart()
    {
        string key;
        await using (var first = new ServerProcess(dataDirectory))
        {
            await first.StartAsync(Cancel);
            var legal = await first.ClientForAsync("legal", Cancel);
            key = "crash-" + Guid.NewGuid().ToString("N")[..8];
            using var content = new StringContent(TestProcesses.TimerStart(key, "<bpmn:timeCycle>R3/PT2S</bpmn:timeCycle>"), Encoding.UTF8, "application/xml");
            Assert.Equal(HttpStatusCode.OK, (await legal.PutAsync($"/api/processes/{key}/draft", content, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{key}/publish", null, Cancel)).StatusCode);
            Assert.True(await Requests.EventuallyAsync(async () => await CountAsync(legal, key) >= 1, TimeSpan.FromSeconds(15)), "the first occurrence never fired");
            first.Kill();
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // the next occurrence falls due while no server runs
        await using var second = new ServerProcess(dataDirectory);
        await second.StartAsync(Cancel);
        var client = await second.ClientForAsync("legal", Cancel);

        Assert.True(await Requests.EventuallyAsync(async () => await CountAsync(client, key) >= 3, TimeSpan.FromSeconds(30)), "the cycle did not finish after the restart");
        await Task.Delay(TimeSpan.FromSeconds(4), Cancel); // room for a duplicate or a fourth start to show itself
        Assert.Equal(3, await CountAsync(client, key));
    }

    public void Dispose() => TestDatabases.Delete(dataDirectory);

    private static async Task<int> CountAsync(HttpClient client, string key) =>
        (int)(await client.GetFromJsonAsync<JsonObject>($"/api/instances?processKey={key}", Cancel))!["total"]!;
}
