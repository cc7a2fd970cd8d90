using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// Every connection the server opens on SQLite carries its per-connection settings: commits flushed to the disk, which
/// survive a power cut (synchronous FULL, the default), a wait for a busy writer, and a small page cache (under write
/// load WAL mode drops a connection's cache at every read anyway; 2 MiB per pooled connection was resident set for nothing).
/// </summary>
public sealed class SqliteConnectionSettingsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPooledConnection_HasTheServersSettings()
    {
        if (TestDatabases.IsPostgres)
        {
            return; // the settings are SQLite's; the SQLite pass checks them
        }

        // Several contexts at once, so the pool hands out several native connections, not the first one again.
        var scopes = Enumerable.Range(0, 4).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            foreach (var scope in scopes)
            {
                var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
                await db.Database.OpenConnectionAsync(Cancel);
                Assert.Equal(2L, await PragmaAsync(db, "synchronous")); // FULL: CaseFlow:Database:SqliteSynchronous's default
                Assert.Equal(30_000L, await PragmaAsync(db, "busy_timeout"));
                Assert.Equal(-512L, await PragmaAsync(db, "cache_size")); // KiB
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<long> PragmaAsync(CaseFlowDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
