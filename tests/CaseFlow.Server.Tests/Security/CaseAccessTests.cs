using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Data-level authorization: a handler of office-2 asks for an office-1 case and its tasks, deadlines, documents and
/// instance by id, and gets 404 every time; lists leave the case out. Supervisors see it.
/// </summary>
public sealed class CaseAccessTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpointTakingACaseOrTaskId_AnswersNotFound_ForAnotherOfficesCase()
    {
        var (caseId, taskId) = await Office1CaseAsync();
        var handler2 = await app.ClientForAsync("handler2");
        var chief = await app.ClientForAsync("chief");
        var view = await chief.GetCaseAsync(caseId);
        var deadlineId = (string)view["deadlines"]!.AsArray()[0]!["id"]!;
        var instanceId = (string)view["processInstanceId"]!;
        var legal = await app.ClientForAsync("legal");
        var admin = await app.ClientForAsync("admin");

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["case"] = await handler2.GetAsync($"/api/cases/{caseId}", Cancel),
            ["documents"] = await handler2.GetAsync($"/api/cases/{caseId}/documents", Cancel),
            ["upload"] = await handler2.UploadAsync(caseId, TestFiles.Pdf(), "a.pdf", "application/pdf"),
            ["suspend"] = await handler2.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadlineId}/suspend", new { reason = "送检", kind = "Testing" }, Cancel),
            ["resume"] = await handler2.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadlineId}/resume", new { reason = "x" }, Cancel),
            ["instance"] = await handler2.GetAsync($"/api/instances/{instanceId}", Cancel),
            ["claim"] = await handler2.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel),
            ["complete"] = await handler2.CompleteAsync(taskId, "mediate"),
            ["letter preview"] = await legal.PostAsJsonAsync("/api/templates/refusal/preview", new { caseId }, Cancel),
            ["message"] = await handler2.PostAsJsonAsync("/api/messages", new { name = "violation-clue", correlationKey = (string)view["number"]!, variables = new { clueDescription = "x" } }, Cancel),
        };

        foreach (var (name, response) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {response.StatusCode}");
            Assert.DoesNotContain("13800138000", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync($"/api/cases/{caseId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("handler1")).GetAsync($"/api/cases/{caseId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/templates/refusal/preview", new { caseId }, Cancel)).StatusCode);

        // The message waits for the case's own office (the 404 above matched nothing).
        var message = await (await app.ClientForAsync("handler1")).PostAsJsonAsync("/api/messages", new { name = "violation-clue", correlationKey = (string)view["number"]!, variables = new { clueDescription = "x" } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(1, (int)(await message.ReadObjectAsync())["matched"]!);
    }

    [Fact]
    public async Task Lists_LeaveOutAnotherOfficesCases_ButSupervisorsSeeThem()
    {
        var (caseId, _) = await Office1CaseAsync();
        var handler2 = await app.ClientForAsync("handler2");
        var handler1 = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");

        Assert.DoesNotContain(caseId, await CaseIdsAsync(handler2, "/api/cases?pageSize=200"));
        Assert.DoesNotContain(caseId, await CaseIdsAsync(handler2, "/api/cases?officeId=office-1&pageSize=200"));
        Assert.Contains(caseId, await CaseIdsAsync(handler1, "/api/cases?pageSize=200"));
        Assert.Contains(caseId, await CaseIdsAsync(chief, "/api/cases?pageSize=200"));
        var instances = await handler2.GetFromJsonAsync<JsonObject>("/api/instances?pageSize=200", Cancel);
        Assert.DoesNotContain(instances!["items"]!.AsArray(), i => (string?)i!["caseId"] == caseId);
        var tasks = await handler2.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=candidate&caseId={caseId}", Cancel);
        Assert.Empty(tasks!["items"]!.AsArray());
    }

    [Fact]
    public async Task ARefusedLookup_IsRecordedInTheAuditTrail()
    {
        var (caseId, _) = await Office1CaseAsync();
        var handler2 = await app.ClientForAsync("handler2");
        var admin = await app.ClientForAsync("admin");

        await handler2.GetAsync($"/api/cases/{caseId}", Cancel);

        var entries = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}&action=AccessDenied", Cancel);
        Assert.Contains(entries!["items"]!.AsArray(), e => (string?)e!["actor"] == "handler2");
    }

    private static async Task<List<string>> CaseIdsAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonObject>(url, Cancel))!["items"]!.AsArray().Select(c => (string)c!["id"]!).ToList();

    /// <summary>A complaint accepted into office-1; returns the case and its open office task.</summary>
    private async Task<(string CaseId, string TaskId)> Office1CaseAsync()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId = "office-1" });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var handler1 = await app.ClientForAsync("handler1");
        var task = (await handler1.TasksAsync(caseId))[0]!;
        return (caseId, (string)task["id"]!);
    }
}
