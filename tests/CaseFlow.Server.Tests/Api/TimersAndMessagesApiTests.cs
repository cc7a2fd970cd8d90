using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Timers fired by the real Quartz scheduler and messages correlated through the API.</summary>
public sealed class TimersAndMessagesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task TimerCatch_FiresOnTime_AndCompletesTheInstance()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Timer(k, "PT2S"));

        var id = await StartAsync(legal, key, null);
        var runningRightAway = await StatusAsync(legal, id);
        var completed = await Requests.EventuallyAsync(async () => await StatusAsync(legal, id) == "completed", TimeSpan.FromSeconds(20));

        Assert.Equal("running", runningRightAway);
        Assert.True(completed, "the 2-second timer did not fire within 20 seconds");
    }

    [Fact]
    public async Task BoundaryTimer_Interrupting_WithdrawsTheTaskAndSendsTheWarning()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var email = $"late-{Guid.NewGuid():N}@example.org";
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.TaskWithBoundaryTimer(k, "PT1S", email));

        var id = await StartAsync(legal, key, null);
        var completed = await Requests.EventuallyAsync(async () => await StatusAsync(legal, id) == "completed", TimeSpan.FromSeconds(20));
        var open = await handler.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate");

        Assert.True(completed, "the boundary timer did not fire");
        Assert.DoesNotContain(open!["items"]!.AsArray(), t => (string)t!["processInstanceId"]! == id);
        Assert.True(await Requests.EventuallyAsync(
            () => Task.FromResult(Directory.Exists(app.PickupDirectory) && Directory.GetFiles(app.PickupDirectory, "*.eml").Any(f => File.ReadAllText(f).Contains(email, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Message_MatchesTheWaitingInstanceOnce_ThenReturns404()
    {
        var legal = await app.ClientForAsync("legal");
        var message = "police-decision-" + Guid.NewGuid().ToString("N")[..6];
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.MessageCatch(k, message));
        var id = await StartAsync(legal, key, "CASE-42");

        var wrongKey = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = "CASE-43" });
        var first = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = "CASE-42", variables = new { decision = "立案" } });
        var second = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = "CASE-42" });
        var instance = await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");

        Assert.Equal(HttpStatusCode.NotFound, wrongKey.StatusCode);
        Assert.Equal(1, (int)(await first.ReadObjectAsync())["matched"]!);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("completed", (string)instance!["status"]!);
        Assert.Equal("立案", (string)instance["variables"]!["decision"]!);
    }

    [Fact]
    public async Task Message_StartsAnInstance_AtAMessageStartEvent()
    {
        var legal = await app.ClientForAsync("legal");
        var message = "transfer-in-" + Guid.NewGuid().ToString("N")[..6];
        await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.MessageStart(k, message));

        var response = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = "T-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(1, (int)body["matched"]!);
        var started = (string)body["startedInstanceIds"]![0]!;
        Assert.Equal(["review"], (await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{started}"))!["activeElementIds"]!.AsArray().Select(e => (string)e!).ToArray());
    }

    [Fact]
    public async Task Message_Returns400_WithoutName()
    {
        var legal = await app.ClientForAsync("legal");

        var response = await legal.PostAsJsonAsync("/api/messages", new { correlationKey = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> StartAsync(HttpClient client, string key, string? businessKey)
    {
        var response = await client.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task<string> StatusAsync(HttpClient client, string id) =>
        (string)(await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["status"]!;
}
