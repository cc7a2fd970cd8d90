using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// Issue 23 squashed each provider's migrations into one baseline: both models must match their snapshots, and a
/// database built by the squashed migrations is adopted (when complete) or refused with a message (when not).
/// </summary>
public sealed class BaselineMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"caseflow-baseline-{Guid.NewGuid():N}.db");

    [Fact]
    public void BothProviders_HaveNoModelChangesWithoutAMigration()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite model differs from its snapshot: add a migration (docs/postgres.md)");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL model differs from its snapshot: add a migration (docs/postgres.md)");
    }

    [Fact]
    public async Task ADatabaseAtTheLastSquashedMigration_IsAdoptedAndKeepsItsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = Open())
        {
            // Only up to the baseline: a database of the squashed era has the baseline's schema and none of the later migrations.
            await db.GetService<IMigrator>().MigrateAsync("20261207160541_Baseline", ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Counters\" (\"Name\", \"Value\") VALUES ('kept', 7)", ct);
            await RewriteHistoryAsync(db, "20261123122246_InitialSchema", "20261207131536_MeasuresConductDateAndPenaltyAmounts");
        }

        await using (var db = Open())
        {
            await PreSquashHistory.AdoptAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            Assert.Equal(["20261207160541_Baseline"], (await db.Database.GetAppliedMigrationsAsync(ct)).Take(1).ToArray());
            Assert.Equal(7, await db.Database.SqlQueryRaw<long>("SELECT \"Value\" AS \"Value\" FROM \"Counters\" WHERE \"Name\" = 'kept'").SingleAsync(ct));
        }
    }

    [Fact]
    public async Task ADatabaseStoppedBeforeTheLastSquashedMigration_IsRefusedWithWhatToDo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Open();
        await db.Database.MigrateAsync(ct);
        await RewriteHistoryAsync(db, "20261123122246_InitialSchema");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PreSquashHistory.AdoptAsync(db, ct));
        Assert.Contains("20261123122246_InitialSchema", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty data directory", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private CaseFlowDbContext Open() =>
        new(new DbContextOptionsBuilder<CaseFlowDbContext>().UseSqlite($"Data Source={file}").Options);

    private static async Task RewriteHistoryAsync(CaseFlowDbContext db, params string[] migrationIds)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\"");
        foreach (var id in migrationIds)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, '10.0.0')", id);
        }
    }
}
