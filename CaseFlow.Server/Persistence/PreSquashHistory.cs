using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// Adopts a database built by the migrations that the baseline replaced (issue 23: 22 migrations per provider were
/// squashed into one). A database whose history ends at the last squashed migration has exactly the baseline's
/// schema, so its history is rewritten to the baseline and the later migrations apply on top; one that stopped
/// earlier cannot be brought forward by this version and is refused with a message saying what to do.
/// </summary>
internal static class PreSquashHistory
{
    private static readonly Dictionary<string, (string Last, string Baseline)> ByProvider = new(StringComparer.Ordinal)
    {
        ["Sqlite"] = ("20261207131536_MeasuresConductDateAndPenaltyAmounts", "20261207160541_Baseline"),
        ["Postgres"] = ("20261207131543_PostgresMeasuresConductDateAndPenaltyAmounts", "20261207160606_PostgresBaseline"),
    };

    public static async Task AdoptAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        var (last, baseline) = ByProvider[db.Database.IsNpgsql() ? "Postgres" : "Sqlite"];
        if (applied.Count == 0 || applied.Contains(baseline))
        {
            return;
        }

        if (!applied.Contains(last))
        {
            throw new InvalidOperationException(
                $"数据库由较早版本的 CaseFlow 创建，其结构无法由本版本升级（最后一次迁移：{applied.Max(StringComparer.Ordinal)}）。"
                + " The database was created by an earlier CaseFlow whose schema this version cannot upgrade: start with an empty data directory (SQLite) or database (PostgreSQL), or upgrade it first with the release of 2026-12-07.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\"", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({0}, {1})",
            [baseline, ProductInfo.GetVersion()], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
