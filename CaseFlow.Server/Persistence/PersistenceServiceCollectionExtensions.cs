using CaseFlow.Server.Calendar;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Points;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddDbContext<CaseFlowDbContext>((services, options) =>
        {
            var connection = services.GetRequiredService<DatabaseConnection>();
            options.UseSqlite(connection.ConnectionString);
            options.AddInterceptors(services.GetRequiredService<PointsLedgerInterceptor>());
            options.AddInterceptors(services.GetRequiredService<Security.AuditChainInterceptor>()); // after points: audits what they add too
        });
        builder.Services.AddOptions<PointsOptions>().BindConfiguration("CaseFlow:Points").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PointsLedgerInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Security.AuditChainInterceptor>(); // every save appends its audit entries to the chain
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<StoredCalendarLoader>();
        return builder;
    }
}

/// <summary>The resolved connection string, shared by EF Core and Quartz so both use the same database.</summary>
public sealed class DatabaseConnection
{
    public DatabaseConnection(IOptions<CaseFlowOptions> options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var value = options.Value;
        if (!string.Equals(value.Database.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(
                "CaseFlow:Database:Provider",
                typeof(DatabaseOptions),
                [$"Database provider '{value.Database.Provider}' is not available in this build; use Sqlite."]);
        }

        var configured = configuration.GetConnectionString("CaseFlow");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Directory.CreateDirectory(value.DataDirectoryFullPath);
            configured = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(value.DataDirectoryFullPath, PersistenceServiceCollectionExtensions.SqliteFileName),
                Cache = SqliteCacheMode.Shared,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }

        ConnectionString = configured;
    }

    public string ConnectionString { get; }
}
