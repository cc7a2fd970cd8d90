using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Server.Persistence;

internal sealed partial class AppendOnlyRowsInterceptor
{
    /// <summary>One save's append-only rows, out of the change tracker until the save commits them or fails.</summary>
    private sealed class PendingRows
    {
        // Far below PostgreSQL's 65,535 bound parameters per statement.
        private const int MaxParametersPerStatement = 10_000;

        // SQLite finds each named parameter's position by comparing its name with every name before it in the statement
        // (Microsoft.Data.Sqlite binds by name), so binding n parameters costs n²/2 comparisons: a statement of 10,000
        // took 50 million. A few hundred per statement keeps that below the cost of preparing one more statement.
        // (Issue 23: the 100,000-deadline wave took 68.5 s with 10,000 per statement, 51.3 s with 200.)
        private const int MaxSqliteParametersPerStatement = 200;

        private readonly DbContext db;
        private readonly AutoTransactionBehavior behaviour;
        private readonly List<TableRows> tables;
        private bool written;

        private PendingRows(DbContext db, List<TableRows> tables)
        {
            this.db = db;
            this.tables = tables;
            behaviour = db.Database.AutoTransactionBehavior;
        }

        /// <summary>Takes <paramref name="added"/> (rows with temporary keys only) out of the tracker and makes the save's transaction unconditional.</summary>
        public static PendingRows? Take(DbContext db, IReadOnlyList<EntityEntry> added)
        {
            var tables = added
                .Where(e => e.Metadata.FindPrimaryKey() is { Properties: [var key] } && e.Property(key.Name).IsTemporary)
                .GroupBy(e => e.Metadata)
                .Select(g => TableRows.From(g.Key, g.OrderBy(e => Convert.ToInt64(e.Property(g.Key.FindPrimaryKey()!.Properties[0].Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)).ToList()))
                .ToList();
            if (tables.Count == 0)
            {
                return null;
            }

            var rows = new PendingRows(db, tables);
            foreach (var table in tables)
            {
                foreach (var entity in table.Entities)
                {
                    db.Entry(entity).State = EntityState.Detached;
                }
            }

            // A save left with one command would otherwise run it without a transaction, and so without a commit to write at.
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
            return rows;
        }

        /// <summary>Inserts every row in <paramref name="transaction"/>, one statement per table (or per chunk of a large save).</summary>
        public async ValueTask WriteAsync(DbTransaction transaction, CancellationToken cancellationToken, bool synchronous = false)
        {
            if (written)
            {
                return;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var maxParameters = db.Database.IsSqlite() ? MaxSqliteParametersPerStatement : MaxParametersPerStatement;
            foreach (var table in tables)
            {
                var perStatement = Math.Max(1, maxParameters / table.Columns.Count);
                for (var start = 0; start < table.Values.Count; start += perStatement)
                {
                    await using var command = transaction.Connection!.CreateCommand();
                    command.Transaction = transaction;
                    table.Build(command, sql, start, Math.Min(perStatement, table.Values.Count - start));
                    if (synchronous)
                    {
                        command.ExecuteNonQuery();
                    }
                    else
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                }
            }

            written = true;
        }

        /// <summary>Gives the save its transaction setting back; a failed save tracks its rows as added again, as they were before it.</summary>
        public void End(bool saved)
        {
            db.Database.AutoTransactionBehavior = behaviour;
            if (saved)
            {
                return;
            }

            written = false;
            foreach (var table in tables)
            {
                foreach (var entity in table.Entities)
                {
                    db.Add(entity);
                }
            }
        }
    }

    /// <summary>The rows of one table: its entities, their values (taken when the save began), and its columns.</summary>
    private sealed record TableRows(IEntityType EntityType, IReadOnlyList<IProperty> Columns, List<object> Entities, List<object?[]> Values)
    {
        public static TableRows From(IEntityType entityType, List<EntityEntry> entries)
        {
            // Every stored column but the generated key, which the database assigns in the order of the VALUES rows.
            var columns = entityType.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
            return new TableRows(
                entityType,
                columns,
                entries.Select(e => e.Entity).ToList(),
                entries.Select(e => columns.Select(c => e.Property(c.Name).CurrentValue).ToArray()).ToList());
        }

        /// <summary>Fills <paramref name="command"/> with one INSERT of rows <paramref name="start"/> to <paramref name="start"/>+<paramref name="count"/>.</summary>
        public void Build(DbCommand command, ISqlGenerationHelper sql, int start, int count)
        {
            var text = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(EntityType.GetTableName()!, EntityType.GetSchema()))
                .Append(" (")
                .AppendJoin(", ", Columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))
                .Append(") VALUES ");
            for (var row = 0; row < count; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                {
                    var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r{row}c{column}");
                    var property = Columns[column];

                    // The column's own mapping: its value converter (UTC ticks on SQLite) and its provider type.
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name), Values[start + row][column], property.IsNullable));
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
        }
    }
}
