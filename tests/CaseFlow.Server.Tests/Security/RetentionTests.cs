using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>The retention job anonymises cases closed longer than CaseFlow:Retention:ClosedCaseDays and keeps the audit trail whole.</summary>
public sealed class RetentionTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACaseClosedLongAgo_LosesItsPersonalData_ARecentOneKeepsIt_AndTheChainStillVerifies()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var admin = await app.ClientForAsync("admin");
        var old = await CreateAsync(intake);
        var recent = await CreateAsync(intake);
        await CloseAsync(old, new DateTimeOffset(2020, 1, 6, 2, 0, 0, TimeSpan.Zero));

        var run = await admin.PostAsync("/api/admin/retention/run", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(1, (int)(await run.ReadObjectAsync())["anonymised"]!);
        var gone = (await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{old}?unmask=true&reason=检查匿名化", Cancel))!;
        Assert.Equal("（已匿名）", (string)gone["complainant"]!["name"]!);
        Assert.Equal("", (string)gone["complainant"]!["phone"]!);
        Assert.Null(gone["complainant"]!["idNumber"]);
        var instance = await chief.GetStringAsync($"/api/instances/{gone["processInstanceId"]}", Cancel);
        Assert.DoesNotContain("刘洋", instance, StringComparison.Ordinal);
        Assert.Equal("刘洋", (string)(await chief.GetCaseAsync(recent))["complainant"]!["name"]!);
        var audit = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={old}&action=Anonymised", Cancel))!["items"]!.AsArray();
        Assert.Single(audit);
        Assert.True((bool)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel))!["ok"]!);
    }

    private static async Task<string> CreateAsync(HttpClient intake)
    {
        var body = JsonSerializer.SerializeToNode(Requests.Complaint(subject: $"保存期限测试 {Guid.NewGuid():N}"))!.AsObject();
        body["complainant"]!["idNumber"] = "110101199003071234";
        var response = await intake.PostAsJsonAsync("/api/cases", body, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    /// <summary>Marks the case closed at <paramref name="at"/> in the database file, as a case closed years ago would be.</summary>
    private async Task CloseAsync(string caseId, DateTimeOffset at)
    {
        await using var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel);
        await using var command = connection.Command(
            "UPDATE \"Cases\" SET \"Status\" = 'Closed', \"ClosedAt\" = @at WHERE \"Id\" = @id", ("@at", at.UtcTicks), ("@id", RawDatabase.Id(caseId)));
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }
}
