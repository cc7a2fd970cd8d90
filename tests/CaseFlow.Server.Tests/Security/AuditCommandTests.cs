using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// <c>dotnet CaseFlow.Server.dll verify-audit</c> as an operator runs it: against the database of a server whose audit
/// row was edited in the database itself, it exits non-zero naming the row; before the edit it exits 0.
/// </summary>
public sealed class AuditCommandTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCommand_PassesAnIntactChain_AndNamesTheFirstEditedRow()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        // The sequencer links committed entries after the request; verifying links what is committed first.
        Assert.True((bool)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel))!["ok"]!);
        var seq = (long)(await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?caseId={caseId}", Cancel))!["items"]!.AsArray().Last()!["seq"]!;

        var (intactCode, intactOutput) = await VerifyAsync();
        Assert.True(intactCode == 0, intactOutput);
        Assert.Contains("audit chain ok", intactOutput, StringComparison.Ordinal);

        await using (var connection = await RawDatabase.OpenAsync(app.DataDirectory, Cancel))
        {
            await using var command = connection.Command("UPDATE \"AuditEntries\" SET \"Details\" = 'nothing happened' WHERE \"Seq\" = @seq", ("@seq", seq));
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
        }

        var (code, output) = await VerifyAsync();
        Assert.True(code == 2, output);
        Assert.Contains($"BROKEN at entry {seq}:", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> VerifyAsync() => ServerCommand.RunAsync(app.DataDirectory, "verify-audit", Cancel);
}
