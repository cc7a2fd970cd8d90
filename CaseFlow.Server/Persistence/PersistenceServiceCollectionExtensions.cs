using CaseFlow.Server.Calendar;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Points;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Persistence;

/// <summary>Registers the database for the configured provider.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The SQLite file's name under the data directory.</summary>
    public const string SqliteFileName = "caseflow.db";

    public static IHostApplicationBuilder AddCaseFlowPersistence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DatabaseConnection>();
        // The context encrypts personal-data columns with it, so a host with the database alone (tools, tests) has it too.
        builder.Services.AddOptions<Security.SecurityOptions>().BindConfiguration(Security.SecurityOptions.Section);
        builder.Services.TryAddSingleton<Security.PersonalDataProtector>();
        if (DatabaseConnection.ProviderOf(builder.Configuration) == DatabaseProvider.Postgres)
        {
            // Same service type, so every consumer is unchanged; the subclass carries the PostgreSQL migrations.
            builder.Services.AddDbContext<CaseFlowDbContext, PostgresCaseFlowDbContext>((services, options) =>
            {
                ConfigurePostgres(options, services.GetRequiredService<DatabaseConnection>().ConnectionString);
                options.AddInterceptors(services.GetRequiredService<PointsLedgerInterceptor>());
                options.AddInterceptors(services.GetRequiredService<Security.AuditChainInterceptor>()); // after points: audits what they add too
                options.AddInterceptors(services.GetRequiredService<AppendOnlyRowsInterceptor>()); // after the audit: writes its entries too
            });
        }
        else
        {
            builder.Services.AddDbContext<CaseFlowDbContext>((services, options) =>
            {
                options.UseSqlite(services.GetRequiredService<DatabaseConnection>().ConnectionString);
                var synchronous = services.GetRequiredService<IOptions<CaseFlowOptions>>().Value.Database.SqliteSynchronous;
                options.AddInterceptors(new SqliteConnectionSettings(SqliteConnectionSettings.FlushesEveryCommit(synchronous)));
                options.AddInterceptors(services.GetRequiredService<SqliteGroupCommit>()); // found by the context's saves, not called by EF Core
                options.AddInterceptors(services.GetRequiredService<PointsLedgerInterceptor>());
                options.AddInterceptors(services.GetRequiredService<Security.AuditChainInterceptor>()); // after points: audits what they add too
                options.AddInterceptors(services.GetRequiredService<AppendOnlyRowsInterceptor>()); // after the audit: writes its entries too
            });
        }

        builder.Services.AddOptions<PointsOptions>().BindConfiguration("CaseFlow:Points").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PointsLedgerInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Security.AuditChainInterceptor>(); // every save writes its audit entries, unlinked
        builder.Services.AddSingleton<Security.AuditLinkSignal>();
        builder.Services.AddSingleton<SqliteGroupCommit>(); // SQLite: concurrent saves share one commit
        builder.Services.AddSingleton<AppendOnlyRowsInterceptor>(); // audit entries and events: one INSERT per table per save
        builder.Services.AddSingleton<Cases.CaseNumberCounter.CaseNumberBlocks>(); // this node's blocks of case numbers
        builder.Services.AddOptions<Security.AuditOptions>().BindConfiguration(Security.AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Security.AuditSequencer>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<Security.DataKeyMarker>(); // right after the schema: refuses a wrong key before anything reads
        builder.Services.AddHostedService(services => services.GetRequiredService<Security.AuditSequencer>()); // after migrations: links the chain
        builder.Services.AddHostedService<StoredCalendarLoader>();
        return builder;
    }

    /// <summary>The PostgreSQL options, shared with the design-time factory so generated migrations match the running model.</summary>
    /// <remarks>
    /// Npgsql's default execution strategy turns a transient error inside a save (a deadlock victim, 40P01) into an
    /// InvalidOperationException "likely due to a transient failure", which the code's race handlers, written for
    /// <see cref="DbUpdateException"/>, do not catch: four escalation sweeps racing on one wave failed that way in CI. A
    /// deadlock victim's transaction is rolled back whole, exactly like losing a race, so it is reported as what it is and
    /// handled like one (re-run, or left to the winner), as on SQLite.
    /// </remarks>
    internal static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies)));
}

/// <summary>The resolved connection string, shared by EF Core and Quartz so both use the same database.</summary>
public sealed class DatabaseConnection
{
    public DatabaseConnection(IOptions<CaseFlowOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var value = options.Value;
        Provider = ProviderOf(configuration);
        var configured = configuration.GetConnectionString("CaseFlow");
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configured))
        {
            throw new OptionsValidationException(
                "ConnectionStrings:CaseFlow",
                typeof(DatabaseOptions),
                ["The Postgres provider needs ConnectionStrings:CaseFlow (e.g. Host=db;Database=caseflow;Username=caseflow;Password=...)."]);
        }

        if (value.Database.SqliteSynchronous is not { } synchronous
            || !(string.Equals(synchronous, "Normal", StringComparison.OrdinalIgnoreCase) || SqliteConnectionSettings.FlushesEveryCommit(synchronous)))
        {
            throw new OptionsValidationException(
                "CaseFlow:Database:SqliteSynchronous",
                typeof(DatabaseOptions),
                [$"Unknown CaseFlow:Database:SqliteSynchronous '{value.Database.SqliteSynchronous}'; use Normal or Full."]);
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            Directory.CreateDirectory(value.DataDirectoryFullPath);
            configured = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(value.DataDirectoryFullPath, PersistenceServiceCollectionExtensions.SqliteFileName),
                // A private cache: in shared-cache mode concurrent writers meet table locks (SQLITE_LOCKED), retried with thread sleeps.
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }

        ConnectionString = configured;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Reads <c>CaseFlow:Database:Provider</c> straight from configuration: EF Core and Quartz are registered before the
    /// container (and so the bound options) exist. An unknown name stops the start with the accepted ones.
    /// </summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["CaseFlow:Database:Provider"];
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(name, "Postgres", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new OptionsValidationException(
            "CaseFlow:Database:Provider",
            typeof(DatabaseOptions),
            [$"Unknown database provider '{name}'; use Sqlite or Postgres."]);
    }
}
