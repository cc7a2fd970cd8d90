using System.Data.Common;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>
/// Rewrites every encrypted column (<see cref="PersonalDataColumns.Tables"/>) from one key to another with SQL, in
/// batches of one transaction each, and recomputes the cases' lookup hashes with the target key. A value already
/// encrypted with the target key is left alone, so an interrupted run is finished by running it again; a value stored
/// in clear (before encryption existed) is encrypted. A row changed by someone else between read and write is skipped:
/// the writer used the configured key already.
/// </summary>
public sealed class PersonalDataRekey(CaseFlowDbContext db, PersonalDataProtector source, PersonalDataProtector target)
{
    private const int BatchSize = 500;

    /// <summary>Rows rewritten so far, for the progress lines.</summary>
    public long Rewritten { get; private set; }

    public async Task RunAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var (table, key, columns) in PersonalDataColumns.Tables)
            {
                var before = Rewritten;
                await RekeyTableAsync(table, key, columns, cancellationToken);
                progress?.Invoke($"{table}: {Rewritten - before} rows rewritten");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task RekeyTableAsync(string table, string key, string[] columns, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        object? after = null;
        while (true)
        {
            var rows = await ReadBatchAsync(connection, table, key, columns, after, cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            after = rows[^1].Key;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (row.Values.All(v => string.IsNullOrEmpty(v) || target.IsCurrent(v)))
                {
                    continue;
                }

                var changed = await WriteRowAsync(connection, transaction, table, key, columns, row, cancellationToken);
                Rewritten += changed;
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<List<(object Key, string?[] Values)>> ReadBatchAsync(
        DbConnection connection, string table, string key, string[] columns, object? after, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        command.CommandText = after is null
            ? $"SELECT \"{key}\", {list} FROM \"{table}\" ORDER BY \"{key}\" LIMIT {BatchSize}"
            : $"SELECT \"{key}\", {list} FROM \"{table}\" WHERE \"{key}\" > @after ORDER BY \"{key}\" LIMIT {BatchSize}";
        if (after is not null)
        {
            Add(command, "@after", after);
        }

        var rows = new List<(object, string?[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new string?[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                values[i] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
            }

            rows.Add((reader.GetValue(0), values));
        }

        return rows;
    }

    private async Task<int> WriteRowAsync(DbConnection connection, DbTransaction transaction, string table, string key, string[] columns,
        (object Key, string?[] Values) row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sets = new List<string>();
        var guards = new List<string>();
        var clear = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var old = row.Values[i];
            var plain = string.IsNullOrEmpty(old) ? old : PersonalDataColumns.Open(source, old);
            clear[columns[i]] = plain;
            if (string.IsNullOrEmpty(old) || target.IsCurrent(old))
            {
                continue;
            }

            sets.Add($"\"{columns[i]}\" = @new{i}");
            guards.Add($"\"{columns[i]}\" = @old{i}"); // unchanged since read, or left for its writer
            Add(command, $"@new{i}", target.Encrypt(plain!));
            Add(command, $"@old{i}", old);
        }

        if (table == "Cases")
        {
            // The hashes follow the key: recomputed from the clear values for every row rewritten.
            sets.Add("\"ComplainantPhoneHash\" = @phoneHash");
            sets.Add("\"ComplainantAddressHash\" = @addressHash");
            sets.Add("\"ComplainantIdNumberHash\" = @idHash");
            Add(command, "@phoneHash", target.PhoneHash(clear["ComplainantPhone"]));
            Add(command, "@addressHash", target.AddressHash(clear["ComplainantAddress"]));
            Add(command, "@idHash", clear["ComplainantIdNumberCipher"] is { Length: > 0 } id ? target.LookupHash(id) : null);
        }

        command.CommandText = $"UPDATE \"{table}\" SET {string.Join(", ", sets)} WHERE \"{key}\" = @key AND {string.Join(" AND ", guards)}";
        Add(command, "@key", row.Key);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
