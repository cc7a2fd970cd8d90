using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CaseFlow.Server.Tests.Scheduling;

/// <summary>A host builder on a fresh database (SQLite file in its own temporary data directory, or PostgreSQL: see TestDatabases), deleted on dispose.</summary>
/// <remarks>
/// The schema is created by the test before the host starts (migrations when the project has them, else the
/// model), so the production database initializer is taken out: each test owns its database.
/// </remarks>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>A host builder with CaseFlow options and persistence registered against this database.</summary>
    public HostApplicationBuilder CreateBuilder(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            DisableDefaults = true,
        });
        Configure(builder, settings);
        return builder;
    }

    /// <summary>Points <paramref name="builder"/> at this database and registers CaseFlow options and persistence.</summary>
    public void Configure(IHostApplicationBuilder builder, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CaseFlow:DataDirectory"] = DataDirectory });
        builder.Configuration.AddInMemoryCollection(TestDatabases.SettingsFor(DataDirectory).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddOptions<CaseFlowOptions>().BindConfiguration(CaseFlowOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddCaseFlowPersistence();
        var initializer = builder.Services.Single(d => d.ImplementationType == typeof(DatabaseInitializer));
        builder.Services.Remove(initializer);
    }

    /// <summary>Creates the schema; call before starting the host.</summary>
    public static async Task CreateSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; release them so the directory can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Delete(DataDirectory);
    }
}
