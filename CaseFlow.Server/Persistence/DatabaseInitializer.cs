using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Persistence;

/// <summary>Applies migrations and switches SQLite to WAL before anything else touches the database.</summary>
/// <remarks>
/// Runs as the first hosted service, so Quartz and the dispatcher start on a migrated schema. WAL lets readers
/// go on while a command commits, and survives a crash without losing committed transactions.
/// </remarks>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>The advisory-lock key of schema migration ("CFMIGR" in ASCII), distinct from the audit chain's.</summary>
    private const long MigrationLockKey = 0x43464D494752;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // The file's journal mode; synchronous is the connection's, set on each by SqliteConnectionSettings.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateUnderAdvisoryLockAsync(db, cancellationToken);
        }
        else
        {
            await PreSquashHistory.AdoptAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Nodes starting together on one PostgreSQL database migrate one at a time: EF Core's own migration lock did not
    /// stop two nodes from applying the same migration (seen in SimultaneousFirstStartTests: a duplicate key in
    /// <c>__EFMigrationsHistory</c> and a node that died at start). A session-level advisory lock, held on the
    /// connection the migrations run on, serialises them; the second node then finds nothing left to apply.
    /// </summary>
    private static async Task MigrateUnderAdvisoryLockAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await PreSquashHistory.AdoptAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
