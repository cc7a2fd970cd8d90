using System.Data.Common;
using CaseFlow.LoadDriver.Database;
using Npgsql;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>The operation's statements, collected, then run inside its transaction (PostgreSQL: as one batch).</summary>
internal sealed class RawStatements
{
    private readonly List<(string Text, (string Name, object? Value)[] Parameters)> pending = [];

    public int Count => pending.Count;

    public void Execute(string text, params (string Name, object? Value)[] parameters) => pending.Add((text, parameters));

    public async Task RunAsync(DbConnection connection, DbTransaction transaction)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            await using var batch = new NpgsqlBatch(npgsql, (NpgsqlTransaction)transaction);
            foreach (var (text, parameters) in pending)
            {
                var command = new NpgsqlBatchCommand(text);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
            return;
        }

        foreach (var (text, parameters) in pending)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            DriverDatabase.Bind(command, parameters);
            await command.ExecuteNonQueryAsync();
        }
    }
}
