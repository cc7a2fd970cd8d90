using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Call activities through the API: the child runs in the parent's transaction, reports back, and is cancelled with it.</summary>
public sealed class CallActivityApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task CallActivity_RunsTheChild_AndCopiesVariablesInAndOut()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var childKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Child(k));
        var parentKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey));

        var parentId = await StartAsync(legal, parentKey, new { caseNumber = "SJ-2026-0007", amount = 150, secret = "not passed" });
        var waiting = await InstanceAsync(legal, parentId);
        var child = await SingleChildAsync(legal, parentId);

        Assert.Equal(["callChild"], Active(waiting));
        Assert.Equal("running", (string)waiting["status"]!);
        Assert.Equal(childKey, (string)child["processKey"]!);
        Assert.Equal(parentId, (string)child["parentInstanceId"]!);
        Assert.Equal("BK-" + parentKey, (string)child["businessKey"]!);
        Assert.Equal("""{"number":"SJ-2026-0007","doubled":300}""", child["variables"]!.ToJsonString());

        var task = await OpenTaskAsync(handler, (string)child["id"]!);
        var completed = await handler.CompleteAsync((string)task["id"]!, null, new { finding = "合格" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        var resumed = await InstanceAsync(legal, parentId);
        Assert.Equal("completed", (string)(await InstanceAsync(legal, (string)child["id"]!))["status"]!);
        Assert.Equal(["afterCall"], Active(resumed));
        Assert.Equal("合格", (string)resumed["variables"]!["inspectionFinding"]!);
        Assert.Contains(resumed["history"]!.AsArray(), h => (string)h!["event"]! == "CallActivityCompleted");
    }

    [Fact]
    public async Task CallActivity_CallsThePinnedVersion_OrTheLatestWhenNoneIsPinned()
    {
        var legal = await app.ClientForAsync("legal");
        var childKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Child(k, "v1Work"));
        await ProcessesApiTests.PutDraftAsync(legal, childKey, TestProcesses.Child(childKey, "v2Work"));
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync($"/api/processes/{childKey}/publish", null)).StatusCode);
        var pinnedKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey, version: 1));
        var latestKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey));

        var pinned = await SingleChildAsync(legal, await StartAsync(legal, pinnedKey, new { caseNumber = "A", amount = 1 }));
        var latest = await SingleChildAsync(legal, await StartAsync(legal, latestKey, new { caseNumber = "B", amount = 1 }));

        Assert.Equal((1, "v1Work"), ((int)pinned["version"]!, Active(pinned).Single()));
        Assert.Equal((2, "v2Work"), ((int)latest["version"]!, Active(latest).Single()));
    }

    [Fact]
    public async Task CallActivity_ContinuesAtOnce_WhenTheChildCompletesWithoutWaiting()
    {
        var legal = await app.ClientForAsync("legal");
        var childKey = await ProcessesApiTests.PublishAsync(legal, TestProcesses.ChildWithoutWait);
        var parentKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey));

        var parentId = await StartAsync(legal, parentKey, new { caseNumber = "C", amount = 2 });

        Assert.Equal(["afterCall"], Active(await InstanceAsync(legal, parentId)));
        Assert.Equal("completed", (string)(await SingleChildAsync(legal, parentId))["status"]!);
    }

    [Fact]
    public async Task Cancel_OfTheParent_CancelsTheChild_AndWithdrawsItsTask()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var childKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Child(k));
        var parentKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey));
        var parentId = await StartAsync(legal, parentKey, new { caseNumber = "D", amount = 3 });
        var childId = (string)(await SingleChildAsync(legal, parentId))["id"]!;
        await OpenTaskAsync(handler, childId);

        var cancel = await legal.PostAsJsonAsync($"/api/instances/{parentId}/cancel", new { reason = "投诉人撤回投诉" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var child = await InstanceAsync(legal, childId);
        Assert.Equal("cancelled", (string)child["status"]!);
        Assert.Contains(parentId, (string)child["history"]!.AsArray().Last()!["reason"]!, StringComparison.Ordinal);
        Assert.Null(await FindTaskAsync(handler, childId));
    }

    [Fact]
    public async Task BoundaryTimer_OnTheCallActivity_InterruptsIt_AndCancelsTheChild()
    {
        var legal = await app.ClientForAsync("legal");
        var childKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Child(k));
        var parentKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Parent(k, childKey, boundaryTimer: "PT1S"));
        var parentId = await StartAsync(legal, parentKey, new { caseNumber = "E", amount = 4 });
        var childId = (string)(await SingleChildAsync(legal, parentId))["id"]!;

        var parentEnded = await Requests.EventuallyAsync(async () => (string)(await InstanceAsync(legal, parentId))["status"]! == "completed", TimeSpan.FromSeconds(20));

        Assert.True(parentEnded, "the boundary timer did not interrupt the call activity");
        Assert.Equal("cancelled", (string)(await InstanceAsync(legal, childId))["status"]!);
        Assert.Contains((await InstanceAsync(legal, parentId))["history"]!.AsArray(), h => (string?)h!["elementId"] == "lateEnd");
    }

    [Fact]
    public async Task ErrorThrownByTheChild_IsCaughtOnTheCallActivity_AndTheChildIsCancelled()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var childKey = await ProcessesApiTests.PublishAsync(legal, TestProcesses.ChildThrowingError);
        var parentKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.ParentCatchingError(k, childKey));
        var parentId = await StartAsync(legal, parentKey, new { caseNumber = "F", amount = 5 });
        var childId = (string)(await SingleChildAsync(legal, parentId))["id"]!;

        var completed = await handler.CompleteAsync((string)(await OpenTaskAsync(handler, childId))["id"]!, null);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(["penalty"], Active(await InstanceAsync(legal, parentId)));
        var child = await InstanceAsync(legal, childId);
        Assert.Equal("cancelled", (string)child["status"]!);
        Assert.Null(child["incident"]);
    }

    [Fact]
    public async Task Draft_CallingAnUnpublishedProcess_IsInvalid_NamingTheCallActivity()
    {
        var legal = await app.ClientForAsync("legal");
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];

        var draft = await ProcessesApiTests.PutDraftAsync(legal, key, TestProcesses.Parent(key, "no-such-process"));
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);

        Assert.False((bool)draft["valid"]!);
        var error = Assert.Single(draft["errors"]!.AsArray());
        Assert.Equal("callChild", (string)error!["elementId"]!);
        Assert.Contains("no-such-process", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
    }

    [Fact]
    public async Task Draft_PinningAVersionNotYetPublished_IsInvalid()
    {
        var legal = await app.ClientForAsync("legal");
        var childKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Child(k));
        var key = "p-" + Guid.NewGuid().ToString("N")[..8];

        var draft = await ProcessesApiTests.PutDraftAsync(legal, key, TestProcesses.Parent(key, childKey, version: 2));

        Assert.Equal("callChild", (string)Assert.Single(draft["errors"]!.AsArray())!["elementId"]!);
    }

    private static async Task<string> StartAsync(HttpClient client, string key, object variables)
    {
        var response = await client.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = "BK-" + key, variables });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    private static async Task<JsonObject> SingleChildAsync(HttpClient client, string parentId)
    {
        var children = (await client.GetFromJsonAsync<JsonObject>($"/api/instances?parentInstanceId={parentId}"))!["items"]!.AsArray();
        return await InstanceAsync(client, (string)Assert.Single(children)!["id"]!);
    }

    private static string[] Active(JsonObject instance) => [.. instance["activeElementIds"]!.AsArray().Select(e => (string)e!)];

    private static async Task<JsonObject?> FindTaskAsync(HttpClient handler, string instanceId)
    {
        var page = await handler.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate&pageSize=200");
        return page!["items"]!.AsArray().FirstOrDefault(t => (string)t!["processInstanceId"]! == instanceId)?.AsObject();
    }

    private static async Task<JsonObject> OpenTaskAsync(HttpClient handler, string instanceId) =>
        await FindTaskAsync(handler, instanceId) ?? throw new InvalidOperationException($"No open task for instance {instanceId}.");
}
