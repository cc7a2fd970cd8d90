using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// On SQLite every save writes through one native connection, opened and closed under the file's write gate, so its page
/// cache survives from one save to the next (issue 23: saves on whichever pooled connection was free read every index
/// page again after each other's writes). Requests' reads keep the ordinary pool, a failed save gives everything back,
/// and the writer keeps a larger cache than the readers.
/// </summary>
public sealed class SqliteWriterConnectionTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentSaves_AllWriteThroughTheOneWriterConnection_AndTheirContextsReadOnTheConfiguredPool()
    {
        if (TestDatabases.IsPostgres)
        {
            return; // one writer per file is SQLite's; PostgreSQL saves need no such connection
        }

        var configured = ConfiguredConnectionString();
        var before = await WriterChangesAsync(configured);

        var prefix = "writer-" + Guid.NewGuid().ToString("N");
        var scopes = Enumerable.Range(0, 12).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            var contexts = scopes.Select(s => s.ServiceProvider.GetRequiredService<CaseFlowDbContext>()).ToList();
            await Task.WhenAll(contexts.Select((db, i) =>
            {
                db.Counters.Add(new StoredCounter { Name = $"{prefix}-{i}", Value = i });
                return db.SaveChangesAsync(Cancel);
            }));

            // Back on the configured pool once each save ended: their next reads are ordinary reads.
            Assert.All(contexts, db => Assert.Equal(configured, db.Database.GetDbConnection().ConnectionString));
            Assert.Equal(12, await contexts[0].Counters.CountAsync(c => c.Name.StartsWith(prefix), Cancel));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        // Every one of the twelve rows was written by the writer pool's one native connection: had two saves overlapped on
        // it, the pool would have opened a second one, and the connection read here would have missed some of them.
        var after = await WriterChangesAsync(configured);
        Assert.True(after.Changes - before.Changes >= 12, $"the writer connection changed {after.Changes - before.Changes} rows; 12 saves wrote one each");
        Assert.Equal(-16_384L, after.CacheSize); // KiB: the readers keep 512
    }

    [Fact]
    public async Task AFailedSave_GivesTheWriterBack_AndTheNextSaveOnTheSameContextWrites()
    {
        if (TestDatabases.IsPostgres)
        {
            return;
        }

        var configured = ConfiguredConnectionString();
        var name = "writer-dup-" + Guid.NewGuid().ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            db.Counters.Add(new StoredCounter { Name = name, Value = 1 });
            await db.SaveChangesAsync(Cancel);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var duplicate = db.Counters.Add(new StoredCounter { Name = name, Value = 2 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            Assert.Equal(configured, db.Database.GetDbConnection().ConnectionString);

            // The gate was given back: another save gets through at once (a held gate would make this wait forever).
            duplicate.State = EntityState.Detached;
            db.Counters.Add(new StoredCounter { Name = name + "-next", Value = 3 });
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await db.SaveChangesAsync(timeout.Token);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            Assert.Equal(1, (await db.Counters.SingleAsync(c => c.Name == name, Cancel)).Value);
            Assert.True(await db.Counters.AnyAsync(c => c.Name == name + "-next", Cancel));
        }
    }

    private string ConfiguredConnectionString()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<DatabaseConnection>().ConnectionString;
    }

    /// <summary>
    /// Rows changed by the writer pool's native connection since it opened, and its cache size, read on that connection
    /// while holding the write gate (so no save has it meanwhile and the pool hands this open back its one connection).
    /// </summary>
    private static async Task<(long Changes, long CacheSize)> WriterChangesAsync(string configured)
    {
        await using var connection = new SqliteConnection(SqliteWriterConnection.For(configured));
        var gate = SqliteWriteGate.For(connection);
        await gate.WaitAsync(Cancel);
        try
        {
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT total_changes()";
            var changes = (long)(await command.ExecuteScalarAsync(Cancel))!;
            command.CommandText = "PRAGMA cache_size";
            var cacheSize = (long)(await command.ExecuteScalarAsync(Cancel))!;
            return (changes, cacheSize);
        }
        finally
        {
            await connection.CloseAsync();
            gate.Release();
        }
    }
}
