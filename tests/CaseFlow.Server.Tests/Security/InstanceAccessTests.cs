using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Issue 18, item 2: case access holds on every instance route. The legal officer, who cannot see an office-1 case,
/// can neither read nor operate its instance (404, audited), and a bulk migration dry run only counts it.
/// </summary>
public sealed class InstanceAccessTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryInstanceOperation_OnAnInstanceOfAHiddenCase_Is404_Audited_AndChangesNothing()
    {
        var (caseId, instanceId) = await Office1CaseAsync();
        var legal = await app.ClientForAsync("legal");

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["variables"] = await legal.PutAsJsonAsync($"/api/instances/{instanceId}/variables", new { set = new { note = "x" }, reason = "查看" }, Cancel),
            ["cancel"] = await legal.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "撤销" }, Cancel),
            ["move"] = await legal.PostAsJsonAsync($"/api/instances/{instanceId}/move", new { fromElementId = "a", toElementId = "b", reason = "调整" }, Cancel),
            ["migrate"] = await legal.PostAsJsonAsync($"/api/instances/{instanceId}/migrate", new { targetVersion = 1, dryRun = true, reason = "试迁移" }, Cancel),
            ["retry"] = await legal.PostAsJsonAsync($"/api/instances/{instanceId}/incident/retry", new { reason = "重试" }, Cancel),
            ["read"] = await legal.GetAsync($"/api/instances/{instanceId}", Cancel),
        };

        foreach (var (name, response) in answers)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {response.StatusCode} {body}");
            Assert.DoesNotContain("刘洋", body, StringComparison.Ordinal);
            Assert.DoesNotContain("consumer@example.org", body, StringComparison.Ordinal);
        }

        var chief = await app.ClientForAsync("chief");
        Assert.NotEqual("cancelled", (string)(await chief.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", Cancel))!["status"]!);
        var denied = (await (await app.ClientForAsync("admin")).GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}&action=AccessDenied&actor=legal", Cancel))!["items"]!.AsArray();
        Assert.True(denied.Count >= 5, $"{denied.Count} AccessDenied entries");
    }

    [Fact]
    public async Task BulkMigrationDryRun_CountsInstancesOfHiddenCases_ButListsNeitherTheirIdsNorTheirData()
    {
        var (_, instanceId) = await Office1CaseAsync();
        var admin = await app.ClientForAsync("admin");
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", Cancel))!;
        var key = (string)instance["processKey"]!;
        var version = (int)instance["version"]!;
        var legal = await app.ClientForAsync("legal");
        var xml = await legal.GetStringAsync($"/api/processes/{key}/versions/{version}", Cancel);
        Assert.Equal(HttpStatusCode.OK, (await legal.PutAsync($"/api/processes/{key}/draft", new StringContent(xml, Encoding.UTF8, "application/xml"), Cancel)).StatusCode);
        var published = await legal.PostAsync($"/api/processes/{key}/publish", null, Cancel);
        var target = (int)(await published.ReadObjectAsync())["version"]!;

        var byLegal = await legal.PostAsJsonAsync($"/api/processes/{key}/migrate", new { fromVersion = version, toVersion = target, dryRun = true, reason = "试迁移" }, Cancel);
        var byAdmin = await admin.PostAsJsonAsync($"/api/processes/{key}/migrate", new { fromVersion = version, toVersion = target, dryRun = true, reason = "试迁移" }, Cancel);

        var legalBody = await byLegal.Content.ReadAsStringAsync(Cancel);
        var legalAnswer = JsonNode.Parse(legalBody)!.AsObject();
        Assert.Equal(HttpStatusCode.OK, byLegal.StatusCode);
        Assert.DoesNotContain(instanceId, legalBody, StringComparison.Ordinal);
        Assert.DoesNotContain("刘洋", legalBody, StringComparison.Ordinal);
        Assert.True((int)legalAnswer["total"]! >= 1);
        Assert.Equal((int)legalAnswer["total"]!, (int)legalAnswer["notShown"]! + legalAnswer["items"]!.AsArray().Count);
        Assert.Contains(instanceId, await byAdmin.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>A complaint accepted into office-1; returns the case and its instance.</summary>
    private async Task<(string CaseId, string InstanceId)> Office1CaseAsync()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();
        var caseId = (string)created["id"]!;
        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId = "office-1" });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        return (caseId, (string)created["processInstanceId"]!);
    }
}
