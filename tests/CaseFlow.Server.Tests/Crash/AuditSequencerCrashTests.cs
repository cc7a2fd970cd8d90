using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Crash;

/// <summary>
/// The node is killed with SIGKILL while its audit sequencer is in the middle of a batch (half the batch's links written,
/// not committed): after a restart the sequencer resumes from the last linked entry, every entry committed before the
/// kill is linked, and the chain verifies. Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class AuditSequencerCrashTests : IDisposable
{
    private const int Batch = 20;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-crash", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledMidBatch_LosesNoEntry_AndTheChainVerifiesAfterRestart()
    {
        long committed;
        long maxId;
        await using (var first = new ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["CaseFlow__Audit__LinkBatchSize"] = $"{Batch}",
            ["CaseFlow__Audit__LinkDelayMilliseconds"] = "3000", // the intakes below commit before the first batch starts
            ["CaseFlow__Audit__TestPauseMidBatchMilliseconds"] = "300000",
        }))
        {
            await first.StartAsync(Cancel);
            var intake = await first.ClientForAsync("intake", Cancel);
            var inFlight = Enumerable.Range(0, 4).Select(_ => TryCreateAsync(intake)).ToList();
            Assert.True(
                await Requests.EventuallyAsync(() => Task.FromResult(first.Output.Any(l => l.Contains("paused mid-batch", StringComparison.Ordinal))), TimeSpan.FromSeconds(60)),
                "the sequencer never started a full batch:\n" + string.Join('\n', first.Output.TakeLast(30)));

            (committed, var linked, maxId) = await CountsAsync();
            Assert.True(committed - linked >= Batch, $"expected the paused batch's entries unlinked: {committed} committed, {linked} linked");
            first.Kill(); // half the batch's links written in a transaction that never commits
            await Task.WhenAll(inFlight);
        }

        await using var second = new ServerProcess(dataDirectory);
        await second.StartAsync(Cancel);

        // The restarted node's sequencer links everything committed before the kill on its own (no verify call yet).
        Assert.True(
            await Requests.EventuallyAsync(async () => await UnlinkedUpToAsync(maxId) == 0, TimeSpan.FromSeconds(30)),
            "entries committed before the kill were not linked after the restart");
        var (after, linkedAfter, _) = await CountsAsync();
        Assert.True(after >= committed, $"entries lost: {committed} before the kill, {after} after");

        var admin = await second.ClientForAsync("admin", Cancel);
        var verify = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel))!;
        Assert.True((bool)verify["ok"]!, verify.ToJsonString());
        Assert.True((long)verify["entries"]! >= linkedAfter, verify.ToJsonString());
    }

    public void Dispose() => TestDatabases.Delete(dataDirectory);

    private static async Task TryCreateAsync(HttpClient intake)
    {
        try
        {
            await intake.CreateComplaintAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            // the node died under this request
        }
    }

    private async Task<(long Committed, long Linked, long MaxId)> CountsAsync()
    {
        await using var connection = await RawDatabase.OpenAsync(dataDirectory, Cancel);
        await using var command = connection.Command("""SELECT COUNT(*), COUNT("Seq"), COALESCE(MAX("Id"), 0) FROM "AuditEntries" """);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        await reader.ReadAsync(Cancel);
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<long> UnlinkedUpToAsync(long maxId)
    {
        await using var connection = await RawDatabase.OpenAsync(dataDirectory, Cancel);
        await using DbCommand command = connection.Command("""SELECT COUNT(*) FROM "AuditEntries" WHERE "Seq" IS NULL AND "Id" <= @id""", ("@id", maxId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
