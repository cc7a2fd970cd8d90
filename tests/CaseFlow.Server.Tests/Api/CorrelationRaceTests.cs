using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Racing commands on one instance resolve to exactly one winner; the loser is told, and no path runs twice.</summary>
public sealed class CorrelationRaceTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task TwoMessages_ForTheSameSubscription_MatchOnce()
    {
        var legal = await app.ClientForAsync("legal");
        var message = "race-" + Guid.NewGuid().ToString("N")[..6];
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.MessageCatch(k, message));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"R-{i}" });
            ids.Add((string)(await start.ReadObjectAsync())["id"]!);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = $"R-{i}" })));
            var matched = 0;
            foreach (var response in responses)
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    matched += (int)(await response.ReadObjectAsync())["matched"]!;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // arrived after the winner committed
                }
            }

            Assert.Equal(1, matched);
            var history = (await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{ids[i]}"))!["history"]!.AsArray();
            Assert.Single(history, h => (string)h!["event"]! == "MessageReceived");
        }
    }

    [Fact]
    public async Task TaskCompletion_RacingAnInterruptingBoundaryTimer_TakesExactlyOnePath()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.TaskWithBoundaryTimer(k, "PT1S", "race@example.org"));
        var instances = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { });
            instances.Add((string)(await start.ReadObjectAsync())["id"]!);
        }

        // Complete each task close to its timer's due instant, staggered so some land before and some after it.
        var completions = instances.Select(async (id, i) =>
        {
            await Task.Delay(700 + (i * 120));
            var task = await handler.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=candidate&pageSize=200");
            var mine = task!["items"]!.AsArray().FirstOrDefault(t => (string)t!["processInstanceId"]! == id);
            return mine is null ? HttpStatusCode.Gone : (await handler.CompleteAsync((string)mine["id"]!, null)).StatusCode;
        });
        var statuses = await Task.WhenAll(completions);

        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Gone }));
        foreach (var id in instances)
        {
            Assert.True(await Requests.EventuallyAsync(async () => (string)(await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["status"]! == "completed", TimeSpan.FromSeconds(20)));
            var history = (await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["history"]!.AsArray();
            var completed = history.Count(h => (string)h!["event"]! == "TaskCompleted");
            var interrupted = history.Count(h => (string)h!["event"]! == "TaskCancelled");
            Assert.Equal(1, completed + interrupted);
            var ends = history.Count(h => (string)h!["event"]! == "ElementCompleted" && (string?)h["elementId"] is "end" or "lateEnd");
            Assert.Equal(1, ends);
        }
    }

    [Fact]
    public async Task MessageAndTimer_OnOneEventBasedGateway_ExactlyOneWins()
    {
        var legal = await app.ClientForAsync("legal");
        var message = "reply-" + Guid.NewGuid().ToString("N")[..6];
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.MessageOrTimer(k, message, "PT1S"));
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var start = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"E-{i}" });
            ids.Add((string)(await start.ReadObjectAsync())["id"]!);
        }

        // Send each message close to the timer's due instant, staggered so some arrive before and some after it.
        var sends = ids.Select(async (_, i) =>
        {
            await Task.Delay(700 + (i * 120));
            var response = await legal.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = $"E-{i}" });
            return response.StatusCode == HttpStatusCode.OK ? (int)(await response.ReadObjectAsync())["matched"]! : 0;
        });
        var matched = await Task.WhenAll(sends);

        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            Assert.True(await Requests.EventuallyAsync(async () => (string)(await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["status"]! == "completed", TimeSpan.FromSeconds(20)));
            var history = (await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!["history"]!.AsArray();
            var byMessage = history.Count(h => (string)h!["event"]! == "MessageReceived");
            var byTimer = history.Count(h => (string)h!["event"]! == "TimerFired");
            Assert.Equal(1, byMessage + byTimer);
            Assert.Equal(matched[i], byMessage); // the sender is told whether its message won
        }
    }
}
