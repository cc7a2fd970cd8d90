using System.Data.Common;
using CaseFlow.Server.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseFlow.LoadDriver.Database;

/// <summary>
/// The server's database as the driver reaches it directly (server stopped, or read-only beside it): raw ADO.NET
/// connections for baselines and progress polls, and the server's own EF Core context for seeding.
/// </summary>
/// <remarks>
/// Statements written for both providers quote every identifier ("Tasks"."CandidateGroups"): PostgreSQL's migrations
/// keep EF's mixed-case names, and SQLite accepts double quotes too. Ids go in as the provider stores them: upper-case
/// GUID text on SQLite (EF's converter), <c>uuid</c> on PostgreSQL; instants are UTC ticks on both (UtcTicksConverter).
/// </remarks>
internal sealed class DriverDatabase(bool postgres, string connectionString, string sqliteSynchronous = "FULL")
{
    /// <summary>The server's setting that the SQLite baseline follows, so that both flush to the disk alike.</summary>
    public const string SynchronousSetting = "CaseFlow__Database__SqliteSynchronous";

    public bool IsPostgres { get; } = postgres;

    public string ConnectionString { get; } = connectionString;

    public string Describe => IsPostgres ? $"PostgreSQL database {new NpgsqlConnectionStringBuilder(ConnectionString).Database}" : $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";

    /// <summary>The server's database for this run: the --connection string on PostgreSQL, else the data directory's file.</summary>
    public static DriverDatabase For(DriverOptions options, string dataDirectory)
    {
        if (options.OnPostgres)
        {
            return new DriverDatabase(true, ServerUnderTest.Expand(options.Connection!, dataDirectory));
        }

        var configured = options.ServerSettings.GetValueOrDefault("ConnectionStrings__CaseFlow");
        var path = configured is null
            ? Path.Combine(dataDirectory, PersistenceServiceCollectionExtensions.SqliteFileName)
            : new SqliteConnectionStringBuilder(ServerUnderTest.Expand(configured, dataDirectory)).DataSource;
        return Sqlite(path, options.ServerSettings.GetValueOrDefault(SynchronousSetting));
    }

    public static DriverDatabase Sqlite(string path, string? synchronous = null) =>
        new(false, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 }.ToString(),
            string.Equals(synchronous, "Normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL");

    /// <summary>A read-only view of the same database, for polls beside the running server.</summary>
    public DriverDatabase ReadOnly() => IsPostgres
        ? this
        : new DriverDatabase(false, new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString(), sqliteSynchronous);

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        if (!IsPostgres)
        {
            // As the server's own connections do (SqliteConnectionSettings): the server's synchronous setting (FULL, a
            // flush at every commit, unless it is set to NORMAL), and a wait inside SQLite rather than failing at once
            // when the file is busy.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous={sqliteSynchronous}; PRAGMA busy_timeout=60000;";
            await pragma.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Every case's id in the database (server stopped or beside it).</summary>
    public async Task<HashSet<Guid>> CaseIdsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Cases\"";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetValue(0) is Guid id ? id : Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>
    /// Gathers the planner's table statistics (SQLite's sqlite_stat1, PostgreSQL's pg_statistic) after seeding, so the
    /// baseline's statements use the indexes a long-running database would, not a plan chosen for empty tables.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE;";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The server's EF Core context on this database (no interceptors: seeding is not audited).</summary>
    public CaseFlowDbContext CreateContext()
    {
        if (IsPostgres)
        {
            return new PostgresCaseFlowDbContext(new DbContextOptionsBuilder<PostgresCaseFlowDbContext>().UseNpgsql(ConnectionString).Options);
        }

        return new CaseFlowDbContext(new DbContextOptionsBuilder<CaseFlowDbContext>().UseSqlite(ConnectionString).Options);
    }

    /// <summary>An id as the provider stores it.</summary>
    public object Id(Guid id) => IsPostgres ? id : id.ToString().ToUpperInvariant();

    /// <summary>An id read back from either provider.</summary>
    public static Guid ReadId(object value) => value is Guid guid ? guid : Guid.Parse((string)value);

    /// <summary>Adds <c>@name</c> parameters to <paramref name="command"/>.</summary>
    public static void Bind(DbCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The two columns of a one-row statement, e.g. two counts read from one snapshot.</summary>
    public async Task<(long First, long Second)> TwoCountsAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetInt64(0), reader.GetInt64(1))
            : throw new InvalidOperationException("the counts' statement returned no row");
    }

    /// <summary>
    /// Creates the run's PostgreSQL database when it does not exist yet: the server migrates under an advisory lock,
    /// which needs a connection to the database before its migrations run. Nothing to do on SQLite (a file is created).
    /// </summary>
    public async Task CreateIfMissingAsync()
    {
        if (!IsPostgres)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var exists = admin.CreateCommand();
        exists.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
        Bind(exists, ("@name", name));
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\"";
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A copy of the database as it is now (the server stopped): the SQLite file copied after a checkpoint, or a
    /// PostgreSQL database created from this one as its template. For baselines that must start from the same rows.
    /// </summary>
    public async Task<DriverDatabase> CopyAsync(string suffix)
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var source = builder.Database!;
            var copy = $"{source}_{suffix}";
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString()))
            {
                await admin.OpenAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{copy}\" TEMPLATE \"{source}\"";
                await command.ExecuteNonQueryAsync();
            }

            return new DriverDatabase(true, new NpgsqlConnectionStringBuilder(ConnectionString) { Database = copy }.ToString());
        }

        await using (var connection = await OpenAsync())
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var target = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{suffix}.db");
        File.Copy(path, target);
        return Sqlite(target);
    }

    /// <summary>Removes a copy made by <see cref="CopyAsync"/>.</summary>
    public async Task DropAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\"";
            await command.ExecuteNonQueryAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
