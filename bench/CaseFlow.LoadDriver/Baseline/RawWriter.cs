using Microsoft.Data.Sqlite;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// Raw ADO.NET on the server's own database file (stopped by then): one pooled connection and one transaction per
/// operation, statements with parameters, ids and instants in the server's own formats (upper-case GUID text, UTC ticks).
/// </summary>
internal abstract class RawWriter(string databasePath)
{
    protected static readonly long Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).UtcTicks;

    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 60 }.ToString();

    /// <summary>Writes the rows of operation <paramref name="index"/> in one transaction.</summary>
    public async Task RunAsync(int index)
    {
        await using var connection = await OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await WriteAsync(new Statements(connection, transaction), index);
        await transaction.CommitAsync();
    }

    protected abstract Task WriteAsync(Statements sql, int index);

    /// <summary>A pooled connection to the database, for the operations and for a baseline's preparation.</summary>
    protected async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected static string Id(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>Runs parameterised statements inside the operation's transaction.</summary>
    protected sealed class Statements(SqliteConnection connection, SqliteTransaction transaction)
    {
        public async Task<object?> ScalarAsync(string text, params (string Name, object? Value)[] parameters)
        {
            await using var command = Create(text, parameters);
            return await command.ExecuteScalarAsync();
        }

        public async Task ExecuteAsync(string text, params (string Name, object? Value)[] parameters)
        {
            await using var command = Create(text, parameters);
            await command.ExecuteNonQueryAsync();
        }

        private SqliteCommand Create(string text, (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return command;
        }
    }
}
