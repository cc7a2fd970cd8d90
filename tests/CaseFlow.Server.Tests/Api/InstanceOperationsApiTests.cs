using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Operating running instances through the API: incidents, cancel, variables, move, migrate, and the audit trail.</summary>
public sealed class InstanceOperationsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Incident_IsListed_ThenFixedAndRetried_AndTheInstanceContinues()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.FailingAssignment);
        var id = await StartAsync(legal, key, new { targetOffice = "" });

        var listed = await Requests.EventuallyAsync(async () => (await IncidentsAsync(legal, key)).Count == 1, TimeSpan.FromSeconds(20));
        var incident = (await IncidentsAsync(legal, key))[0]!;
        var fixedVariables = await legal.PutAsJsonAsync($"/api/instances/{id}/variables", new { set = new { targetOffice = "office-1" }, reason = "受理登记时漏填监管所" });
        var retry = await legal.PostAsJsonAsync($"/api/instances/{id}/incident/retry", new { reason = "已补填监管所" });
        var instance = await InstanceAsync(legal, id);

        Assert.True(listed, "the incident was not listed after the retry budget ran out");
        Assert.Equal(("assign", "ActivityFailed", id), ((string)incident["elementId"]!, (string)incident["kind"]!, (string)incident["instanceId"]!));
        Assert.Contains("2 attempts", (string)incident["message"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)incident["version"]!);
        Assert.Equal(HttpStatusCode.OK, fixedVariables.StatusCode);
        Assert.Equal("office-1", (string)(await fixedVariables.ReadObjectAsync())["variables"]!["targetOffice"]!);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("running", (string)(await retry.ReadObjectAsync())["status"]!);
        Assert.Equal(["review"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
        Assert.Empty(await IncidentsAsync(legal, key));
        var history = instance["history"]!.AsArray();
        Assert.Contains(history, h => (string)h!["event"]! == "RetryScheduled");
        Assert.Contains(history, h => (string)h!["event"]! == "VariablesChanged" && (string)h["actor"]! == "legal" && (string)h["reason"]! == "受理登记时漏填监管所");
        Assert.Contains(history, h => (string)h!["event"]! == "IncidentRetried" && (string)h["actor"]! == "legal" && (string)h["reason"]! == "已补填监管所");
    }

    [Fact]
    public async Task IncidentRetry_Returns409_WhenTheInstanceHasNoIncident()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.OneTask);
        var id = await StartAsync(legal, key, null);

        var retry = await legal.PostAsJsonAsync($"/api/instances/{id}/incident/retry", new { });

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
    }

    [Fact]
    public async Task Cancel_WithdrawsTheTasks_RecordsWhoAndWhy_InHistoryAndTimeline_ThenReturns409()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var created = await intake.CreateComplaintAsync();
        var caseId = (string)created["id"]!;
        var instanceId = (string)created["processInstanceId"]!;

        var cancel = await admin.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "投诉人撤回投诉" });
        var again = await admin.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "再次撤销" });
        var instance = await InstanceAsync(admin, instanceId);
        var view = await admin.GetCaseAsync(caseId);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (string)(await cancel.ReadObjectAsync())["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("cancelled", (string)instance["status"]!);
        Assert.Empty(instance["activeElementIds"]!.AsArray());
        Assert.Empty(await intake.TasksAsync(caseId));
        Assert.Contains(instance["history"]!.AsArray(), h => (string)h!["event"]! == "InstanceCancelled" && (string)h["actor"]! == "admin" && (string)h["reason"]! == "投诉人撤回投诉");
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "InstanceCancelled" && (string)e["actor"]! == "admin"
            && ((string?)e["details"] ?? "").Contains("投诉人撤回投诉", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_Returns400WithoutReason_403ForAHandler_404ForAnUnknownInstance()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.OneTask);
        var id = await StartAsync(legal, key, null);

        var withoutReason = await legal.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = " " });
        var byHandler = await handler.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "不想办了" });
        var unknown = await legal.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/cancel", new { reason = "测试" });
        var incidentsByHandler = await handler.GetAsync("/api/incidents");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.NotNull((await withoutReason.ReadObjectAsync())["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, incidentsByHandler.StatusCode);
        Assert.Equal("running", (string)(await InstanceAsync(legal, id))["status"]!);
    }

    [Fact]
    public async Task Move_ReplacesTheTaskInTheQueue_AndRefusesUnknownElementsNamingThem()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.TwoTasks);
        var id = await StartAsync(legal, key, null);
        var before = await CandidateTasksAsync(handler, id);

        var bad = await legal.PostAsJsonAsync($"/api/instances/{id}/move", new { fromElementId = "first", toElementId = "nowhere", reason = "跳过初审" });
        var move = await legal.PostAsJsonAsync($"/api/instances/{id}/move", new { fromElementId = "first", toElementId = "second", reason = "跳过初审" });
        var after = await CandidateTasksAsync(handler, id);

        Assert.Equal(["first"], before.Select(t => (string)t!["elementId"]!));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nowhere", (string)(await bad.ReadObjectAsync())["errors"]!["toElementId"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Equal(["second"], (await move.ReadObjectAsync())["activeElementIds"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(["second"], after.Select(t => (string)t!["elementId"]!));
        var history = (await InstanceAsync(legal, id))["history"]!.AsArray();
        Assert.Contains(history, h => (string)h!["event"]! == "TokenMoved" && (string)h["actor"]! == "legal" && (string)h["reason"]! == "跳过初审");
    }

    [Fact]
    public async Task Migrate_DryRunChangesNothing_RealRunKeepsTheTask_UnmappableIs409WithThePlan()
    {
        var legal = await app.ClientForAsync("legal");
        var handler = await app.ClientForAsync("handler1");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.OneTask);
        var id = await StartAsync(legal, key, null);
        await PublishNextAsync(legal, key, TestProcesses.OneTaskRenamed(key));
        var task = (await CandidateTasksAsync(handler, id)).Single()!;

        var unmappable = await legal.PostAsJsonAsync($"/api/instances/{id}/migrate", new { targetVersion = 2, dryRun = false, reason = "升级流程" });
        var dryRun = await legal.PostAsJsonAsync($"/api/instances/{id}/migrate", new { targetVersion = 2, mapping = new { review = "check" }, dryRun = true, reason = "升级流程" });
        var versionAfterDryRun = (int)(await InstanceAsync(legal, id))["version"]!;
        var real = await legal.PostAsJsonAsync($"/api/instances/{id}/migrate", new { targetVersion = 2, mapping = new { review = "check" }, dryRun = false, reason = "升级流程" });
        var instance = await InstanceAsync(legal, id);
        var taskAfter = (await CandidateTasksAsync(handler, id)).Single()!;

        Assert.Equal(HttpStatusCode.Conflict, unmappable.StatusCode);
        Assert.Contains("review", (await unmappable.ReadObjectAsync())["plan"]!["refusals"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var dryPlan = (await dryRun.ReadObjectAsync())["plan"]!;
        Assert.Equal(1, versionAfterDryRun);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var realBody = await real.ReadObjectAsync();
        Assert.True((bool)realBody["migrated"]!);
        Assert.Equal(dryPlan.ToJsonString(), realBody["plan"]!.ToJsonString());
        Assert.Equal("kept", (string)realBody["plan"]!["bookmarks"]![0]!["action"]!);
        Assert.Equal(2, (int)instance["version"]!);
        Assert.Equal(["check"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(((string)task["id"]!, "check"), ((string)taskAfter["id"]!, (string)taskAfter["elementId"]!));
        Assert.Contains(instance["history"]!.AsArray(), h => (string)h!["event"]! == "InstanceMigrated" && (string)h["reason"]! == "升级流程");

        var complete = await handler.CompleteAsync((string)taskAfter["id"]!, "ok");
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal(["approve"], (await InstanceAsync(legal, id))["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task MigrateProcess_MovesEveryRunningInstanceOfTheVersion_ReportingEach()
    {
        var legal = await app.ClientForAsync("legal");
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.OneTask);
        var first = await StartAsync(legal, key, null);
        var second = await StartAsync(legal, key, null);
        await PublishNextAsync(legal, key, TestProcesses.OneTaskRenamed(key));

        var withoutReason = await legal.PostAsJsonAsync($"/api/processes/{key}/migrate", new { fromVersion = 1, toVersion = 2 });
        var response = await legal.PostAsJsonAsync($"/api/processes/{key}/migrate", new { fromVersion = 1, toVersion = 2, mapping = new { review = "check" }, dryRun = false, reason = "统一升级" });
        var body = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 2), ((int)body["total"]!, (int)body["migrated"]!));
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), body["items"]!.AsArray().Select(i => (string)i!["instanceId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(2, (int)(await InstanceAsync(legal, first))["version"]!);
        Assert.Equal(2, (int)(await InstanceAsync(legal, second))["version"]!);
    }

    private static async Task<string> StartAsync(HttpClient client, string key, object? variables)
    {
        var response = await client.PostAsJsonAsync($"/api/processes/{key}/instances", new { variables });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task PublishNextAsync(HttpClient legal, string key, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        var draft = await legal.PutAsync($"/api/processes/{key}/draft", content);
        Assert.True((bool)(await draft.ReadObjectAsync())["valid"]!);
        var publish = await legal.PostAsync($"/api/processes/{key}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;

    private static async Task<JsonArray> IncidentsAsync(HttpClient client, string key) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/incidents?processKey={key}"))!["items"]!.AsArray();

    private static async Task<List<JsonNode?>> CandidateTasksAsync(HttpClient handler, string instanceId) =>
        [.. (await handler.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate&pageSize=200"))!["items"]!.AsArray()
            .Where(t => (string)t!["processInstanceId"]! == instanceId)];
}
