using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>The hash-chained audit trail: what is appended, and that editing a row in the SQLite file is caught.</summary>
public sealed class AuditTrailTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommandsAssignmentsAndSignIns_AreAppended_AndTheChainVerifies()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var admin = await app.ClientForAsync("admin");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "intake" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = "office-1" })).StatusCode);
        using var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "handler1", password = "wrong-password-123" }, Cancel);

        var forCase = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}&pageSize=200", Cancel))!["items"]!.AsArray();
        var failed = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignInFailed", Cancel))!["items"]!.AsArray();
        var signIns = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=SignIn", Cancel))!["items"]!.AsArray();
        var verify = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel);

        Assert.Contains(forCase, e => (string?)e!["action"] == "Assignment" && (string?)e["actor"] == "chief");
        Assert.Contains(forCase, e => (string?)e!["action"] == "CaseEvent");
        Assert.Contains(failed, e => (string?)e!["actor"] == "handler1");
        Assert.Contains(signIns, e => (string?)e!["actor"] == "intake");
        Assert.True((bool)verify!["ok"]!, verify.ToJsonString());
        Assert.True((long)verify["entries"]! > 3);
    }

    [Fact]
    public async Task ClaimAndRelease_AreAuditedWithTheChange_AndALostClaimLeavesNoEntry()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/release", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await intake.PostAsync($"/api/tasks/{taskId}/release", null, Cancel)).StatusCode);

        var entries = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}&action=Assignment", Cancel))!["items"]!.AsArray();
        Assert.Single(entries, e => ((string)e!["details"]!).StartsWith("claimed: - → intake", StringComparison.Ordinal) && (string?)e["subject"] == taskId);
        Assert.Single(entries, e => ((string)e!["details"]!).StartsWith("released: intake → -", StringComparison.Ordinal));
        Assert.True((bool)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel))!["ok"]!);
    }

    [Fact]
    public async Task ARefusedRoleCheck_IsRecordedAsAccessDenied()
    {
        var handler = await app.ClientForAsync("handler1");
        var admin = await app.ClientForAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/admin/audit/verify", Cancel)).StatusCode);

        var denied = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit?action=AccessDenied&actor=handler1", Cancel))!["items"]!.AsArray();
        Assert.Contains(denied, e => ((string?)e!["details"] ?? "").Contains("GET /api/admin/audit/verify", StringComparison.Ordinal));
    }
}
