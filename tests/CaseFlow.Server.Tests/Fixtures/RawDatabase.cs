using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The test server's database opened behind the API's back (a SQLite file, or its PostgreSQL database in the PostgreSQL
/// pass), for tests that must change a row as an attacker or the passing years would. SQL with quoted identifiers and
/// <c>@name</c> parameters runs on both.
/// </summary>
public static class RawDatabase
{
    public static async Task<DbConnection> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        DbConnection connection = TestDatabases.IsPostgres
            ? new NpgsqlConnection(TestDatabases.PostgresConnectionStringFor(dataDirectory))
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "caseflow.db")};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>A GUID as the provider stores it: upper-case text in SQLite (EF Core's format), uuid in PostgreSQL.</summary>
    public static object Id(string id) => TestDatabases.IsPostgres ? Guid.Parse(id) : id.ToUpperInvariant();

    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
