using System.Data.Common;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// Raw ADO.NET on the server's own database (stopped by then), SQLite or PostgreSQL: one pooled connection and one
/// transaction per operation, statements with parameters, ids and instants in the server's own formats (see
/// <see cref="DriverDatabase"/>), identifiers quoted so one text runs on both providers.
/// </summary>
internal abstract class RawWriter(DriverDatabase database)
{
    protected static readonly long Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).UtcTicks;

    protected DriverDatabase Database { get; } = database;

    /// <summary>Writes the rows of operation <paramref name="index"/> in one transaction.</summary>
    public async Task RunAsync(int index)
    {
        await using var connection = await Database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await WriteAsync(new Statements(connection, transaction), index);
        await transaction.CommitAsync();
    }

    protected abstract Task WriteAsync(Statements sql, int index);

    protected object Id(Guid id) => Database.Id(id);

    /// <summary>Runs parameterised statements inside the operation's transaction.</summary>
    protected sealed class Statements(DbConnection connection, DbTransaction transaction)
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

        private DbCommand Create(string text, (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            DriverDatabase.Bind(command, parameters);
            return command;
        }
    }
}
