using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// <c>CaseFlow:Database:SqliteSynchronous=Normal</c>, the setting before issue 23, for a site that prefers it: every
/// connection, the saves' writer included, commits without flushing each commit (a commit survives a crash of the
/// process, not a power cut), and saves still share their commits in groups.
/// </summary>
public sealed class SqliteNormalSyncTests(SqliteNormalSyncTests.NormalSyncApp app) : IClassFixture<SqliteNormalSyncTests.NormalSyncApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadersAndTheWriter_CommitWithoutAFlushEach_AndSavesStillCommitInGroups()
    {
        if (TestDatabases.IsPostgres)
        {
            return; // a SQLite setting; PostgreSQL keeps its own (fsync on)
        }

        var groupCommit = app.Services.GetRequiredService<SqliteGroupCommit>();
        var before = groupCommit.Counts;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var name = "normal-sync-" + Guid.NewGuid().ToString("N");
        db.Counters.Add(new StoredCounter { Name = name, Value = 1 });
        await db.SaveChangesAsync(Cancel);
        Assert.Equal(before.Groups + 1, groupCommit.Counts.Groups);

        await db.Database.OpenConnectionAsync(Cancel);
        Assert.Equal(1L, await PragmaAsync(db.Database.GetDbConnection(), "synchronous")); // NORMAL
        await db.Database.CloseConnectionAsync();

        // The writer's one native connection, reached under the write gate as a save would.
        var configured = scope.ServiceProvider.GetRequiredService<DatabaseConnection>().ConnectionString;
        await using var writer = new Microsoft.Data.Sqlite.SqliteConnection(SqliteWriterConnection.For(configured));
        var gate = SqliteWriteGate.For(writer);
        await gate.WaitAsync(Cancel);
        try
        {
            await writer.OpenAsync(Cancel);
            Assert.Equal(1L, await PragmaAsync(writer, "synchronous"));
            Assert.Equal(-16_384L, await PragmaAsync(writer, "cache_size"));
        }
        finally
        {
            await writer.CloseAsync();
            gate.Release();
        }
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class NormalSyncApp : CaseFlowApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("CaseFlow:Database:SqliteSynchronous", "Normal")];
    }
}
