using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>Someone with access to the database file edits an audit row; the verification names it. A server of its own, since the chain stays broken.</summary>
public sealed class AuditTamperTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARowEditedInTheDatabaseFile_IsNamedAsTheFirstBrokenLink()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        // The sequencer links committed entries after the request; verifying links what is committed first.
        Assert.True((bool)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel))!["ok"]!);
        var entry = (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}", Cancel))!["items"]!.AsArray().Last()!;
        var seq = (long)entry["seq"]!;

        await using (var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel))
        {
            await using var command = connection.Command("UPDATE \"AuditEntries\" SET \"Actor\" = 'somebody-else' WHERE \"Seq\" = @seq", ("@seq", seq));
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
        }

        var verify = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel);

        Assert.False((bool)verify!["ok"]!);
        Assert.Equal(seq, (long)verify["brokenAtSeq"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync("/api/admin/audit/verify", Cancel)).StatusCode);
    }
}
