using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// The database a test server runs on: a SQLite file in its data directory (the default), or, with
/// <c>CASEFLOW_TEST_DATABASE=postgres</c>, a fresh PostgreSQL database of its own on the server named by
/// <c>CASEFLOW_TEST_PG</c> (a connection string with the right to create databases; build/test.sh starts one).
/// </summary>
/// <remarks>
/// The PostgreSQL database is named after the data directory, so a server restarted on the same directory (a crash
/// test, a restart test) finds its data again, exactly as it finds its SQLite file.
/// </remarks>
public static class TestDatabases
{
    private const string ProviderVariable = "CASEFLOW_TEST_DATABASE";
    private const string ServerVariable = "CASEFLOW_TEST_PG";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that point a server on <paramref name="dataDirectory"/> at its database (none for SQLite); creates the PostgreSQL database when missing.</summary>
    public static IReadOnlyDictionary<string, string> SettingsFor(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return new Dictionary<string, string>();
        }

        var name = DatabaseName(dataDirectory);
        using (var connection = OpenServer())
        {
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return new Dictionary<string, string>
        {
            ["CaseFlow:Database:Provider"] = "Postgres",
            ["ConnectionStrings:CaseFlow"] = ConnectionStringFor(name),
        };
    }

    /// <summary>The connection string of <paramref name="dataDirectory"/>'s PostgreSQL database (made by <see cref="SettingsFor"/>).</summary>
    public static string PostgresConnectionStringFor(string dataDirectory) => ConnectionStringFor(DatabaseName(dataDirectory));

    /// <summary>Drops the PostgreSQL database of <paramref name="dataDirectory"/>, closing whatever still uses it; nothing on SQLite.</summary>
    public static void Drop(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }

        var name = DatabaseName(dataDirectory);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        using var connection = OpenServer();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>Deletes <paramref name="dataDirectory"/> and its database; best effort for the directory, which the OS cleans anyway.</summary>
    public static void Delete(string dataDirectory)
    {
        Drop(dataDirectory);
        try
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on slow machines.
        }
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = database }.ToString();

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ProviderVariable}=postgres needs {ServerVariable}, a connection string to a PostgreSQL server that may create databases.");

    private static string DatabaseName(string dataDirectory) =>
        "caseflow_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..32];
}
