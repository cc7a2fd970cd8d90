using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary><c>CaseFlow:Database:Provider</c> and <c>ConnectionStrings:CaseFlow</c> choose the database, or stop the start with the setting named.</summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("postgres", DatabaseProvider.Postgres)]
    [InlineData("PostgreSQL", DatabaseProvider.Postgres)]
    public void ProviderOf_ReadsTheConfiguredProvider(string? name, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseConnection.ProviderOf(Configuration(("CaseFlow:Database:Provider", name))));

    [Fact]
    public void ProviderOf_RefusesAnUnknownProvider_NamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseConnection.ProviderOf(Configuration(("CaseFlow:Database:Provider", "Oracle"))));
        Assert.Equal("CaseFlow:Database:Provider", error.OptionsName);
        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutAConnectionString_RefusesToStart_NamingTheSetting()
    {
        var configuration = Configuration(("CaseFlow:Database:Provider", "Postgres"));
        var error = Assert.Throws<OptionsValidationException>(() => new DatabaseConnection(Options.Create(new CaseFlowOptions()), configuration));
        Assert.Equal("ConnectionStrings:CaseFlow", error.OptionsName);
    }

    [Fact]
    public void Postgres_UsesTheConfiguredConnectionString()
    {
        const string connectionString = "Host=db.example;Database=caseflow;Username=caseflow";
        var configuration = Configuration(("CaseFlow:Database:Provider", "Postgres"), ("ConnectionStrings:CaseFlow", connectionString));
        var connection = new DatabaseConnection(Options.Create(new CaseFlowOptions()), configuration);
        Assert.Equal(DatabaseProvider.Postgres, connection.Provider);
        Assert.Equal(connectionString, connection.ConnectionString);
    }

    [Fact]
    public void AnUnknownSqliteSynchronousSetting_RefusesToStart_NamingTheSetting()
    {
        var options = new CaseFlowOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-sync-" + Guid.NewGuid().ToString("N")) };
        options.Database.SqliteSynchronous = "Fulll";
        var error = Assert.Throws<OptionsValidationException>(() => new DatabaseConnection(Options.Create(options), Configuration()));
        Assert.Equal("CaseFlow:Database:SqliteSynchronous", error.OptionsName);
        Assert.Contains("Normal or Full", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
