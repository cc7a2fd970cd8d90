using System.Data.Common;
using CaseFlow.Server.Seeding;
using CaseFlow.Server.Tests.Cluster;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Processes;
using Npgsql;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// Three nodes started at the same moment on an empty PostgreSQL database, as a fresh deployment with several replicas
/// does: every node comes up, and the schema, the Quartz tables, the built-in processes, the shipped rule sets and
/// letter templates and the demo data exist exactly once. The nodes that lose a seeding race log EF's duplicate-key
/// error and carry on (StartupSeeder, RuleSetStore, LetterTemplateStore catch it): that is expected, not checked.
/// </summary>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class SimultaneousFirstStartTests : IAsyncDisposable
{
    private const int NodeCount = 3;
    private readonly string root = Path.Combine(Path.GetTempPath(), "caseflow-first-start", Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> nodes = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string DatabaseKey => Path.Combine(root, "node-0");

    [Fact]
    public async Task ThreeNodesStartingTogether_OnAnEmptyDatabase_ProvisionEverythingOnce()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        for (var i = 0; i < NodeCount; i++)
        {
            nodes.Add(new ServerProcess(Path.Combine(root, $"node-{i}"), new Dictionary<string, string> { ["CaseFlow__Scheduling__InstanceId"] = ClusterNodes.NodeId(i) }, databaseOf: DatabaseKey));
        }

        await using (var empty = new NpgsqlConnection(TestDatabases.PostgresConnectionStringFor(DatabaseKey)))
        {
            await empty.OpenAsync(Cancel);
            Assert.Equal(0L, await ScalarAsync(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }

        try
        {
            // Three nodes migrating and provisioning at once on a loaded 2-core machine took up to 75 s each.
            await Task.WhenAll(nodes.Select(n => n.StartAsync(TimeSpan.FromSeconds(180), Cancel)));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Assert.Fail($"{e.Message}{Environment.NewLine}{string.Join(Environment.NewLine, nodes.Select((n, i) => $"node-{i}:{Environment.NewLine}{string.Join(Environment.NewLine, n.Output.TakeLast(25))}"))}");
        }
        foreach (var node in nodes)
        {
            using var client = await node.ClientForAsync("legal", Cancel);
            Assert.True((await client.GetAsync("/api/processes", Cancel)).IsSuccessStatusCode);
        }

        await using var connection = new NpgsqlConnection(TestDatabases.PostgresConnectionStringFor(DatabaseKey));
        await connection.OpenAsync(Cancel);
        var builtIn = BuiltInProcesses.All().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(builtIn, await ListAsync(connection, """SELECT "ProcessKey" FROM "ProcessVersions" ORDER BY "ProcessKey" COLLATE "C" """));
        Assert.Equal(DemoData.Users.Count, await ScalarAsync(connection, """SELECT count(*) FROM "Users" WHERE "IsDemo" """));
        Assert.Equal(DemoData.Offices.Count, await ScalarAsync(connection, """SELECT count(*) FROM "Offices" """));
        Assert.Empty(await ListAsync(connection, """SELECT "Code" FROM "LetterTemplates" GROUP BY "Code" HAVING count(*) > 1"""));
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "LetterTemplates" WHERE "Version" <> 1"""));
        Assert.True(await ScalarAsync(connection, """SELECT count(*) FROM "RuleSets" """) > 0);
        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM qrtz_locks") > 0, "Quartz's tables were not provisioned");
        Assert.Equal(NodeCount, await ScalarAsync(connection, "SELECT count(*) FROM qrtz_scheduler_state"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        TestDatabases.Delete(DatabaseKey);
        TestDatabases.Delete(root);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.Command(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var values = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
