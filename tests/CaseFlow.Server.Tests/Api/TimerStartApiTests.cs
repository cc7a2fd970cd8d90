using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Timer start events fired by the real Quartz scheduler: each occurrence starts exactly one instance.</summary>
public sealed class TimerStartApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimerStart_WithTwoRepetitions_StartsExactlyTwoInstances()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.TimerStart(k, "<bpmn:timeCycle>R2/PT2S</bpmn:timeCycle>"));

        var two = await Requests.EventuallyAsync(async () => await CountAsync(legal, key) >= 2, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // a third firing would show by now

        Assert.True(two, "two instances were not started within 15 seconds");
        Assert.Equal(2, await CountAsync(legal, key));
        var items = await InstancesAsync(legal, key);
        var first = (await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{(string)items[0]!["id"]!}", Cancel))!;
        Assert.Equal(["review"], first["activeElementIds"]!.AsArray().Select(e => (string)e!).ToArray());
        Assert.Contains("timer R2/PT2S", (string)first["history"]![0]!["details"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_ANewVersion_StopsTheOldVersionsTimerStart()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.TimerStart(k, "<bpmn:timeCycle>R/PT1S</bpmn:timeCycle>"));
        Assert.True(await Requests.EventuallyAsync(async () => await CountAsync(legal, key) >= 1, TimeSpan.FromSeconds(15)), "v1's timer never fired");

        await ProcessesApiTests.PutDraftAsync(legal, key, TestProcesses.TimerStart(key, "<bpmn:timeCycle>R/P1D</bpmn:timeCycle>"));
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{key}/publish", null, Cancel)).StatusCode);
        var afterPublish = await CountAsync(legal, key);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);

        Assert.Equal(afterPublish, await CountAsync(legal, key));
        Assert.All(await InstancesAsync(legal, key), i => Assert.Equal(1, (int)i!["version"]!));
    }

    [Fact]
    public async Task TimerStart_AndMessageStart_BothStartInstances()
    {
        var legal = await app.ClientForAsync("legal");
        var message = "inspection-due-" + Guid.NewGuid().ToString("N")[..6];
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.TimerStart(k, "<bpmn:timeDuration>PT1S</bpmn:timeDuration>", message));

        var byMessage = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = "M-1" }, Cancel);
        var both = await Requests.EventuallyAsync(async () => await CountAsync(legal, key) == 2, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // a duration fires once

        Assert.Equal(HttpStatusCode.OK, byMessage.StatusCode);
        Assert.True(both, "the timer start did not start its instance next to the message start");
        Assert.Equal(2, await CountAsync(legal, key));
    }

    private static async Task<JsonArray> InstancesAsync(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances?processKey={key}", Cancel))!["items"]!.AsArray();

    private static async Task<int> CountAsync(HttpClient client, string key) =>
        (int)(await client.GetFromJsonAsync<JsonObject>($"/api/instances?processKey={key}", Cancel))!["total"]!;
}
