using System.Globalization;
using System.Text.RegularExpressions;
using CaseFlow.Server.Tests.Fixtures;
using Npgsql;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// Several server processes on one PostgreSQL database, each with a data directory (logs, pickup mail) of its own,
/// mail to one real SMTP server. Nodes start one after the other, as a rolling deployment would.
/// </summary>
internal sealed partial class ClusterNodes : IAsyncDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "caseflow-cluster", Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> nodes = [];
    private IDictionary<string, string>? extra;

    private ClusterNodes(SmtpServer smtp) => Smtp = smtp;

    public SmtpServer Smtp { get; }

    public IReadOnlyList<ServerProcess> Nodes => nodes;

    /// <summary>The data directory whose name keys the shared database: the first node's.</summary>
    private string DatabaseKey => Path.Combine(root, "node-0");

    /// <summary>Starts <paramref name="count"/> nodes; <paramref name="extraSettings"/> are more environment variables (<c>CaseFlow__...</c>) for every node.</summary>
    public static async Task<ClusterNodes> StartAsync(int count, CancellationToken cancellationToken, IDictionary<string, string>? extraSettings = null)
    {
        var cluster = new ClusterNodes(await SmtpServer.StartNewAsync(cancellationToken)) { extra = extraSettings };
        try
        {
            for (var i = 0; i < count; i++)
            {
                await cluster.AddNodeAsync(cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task<ServerProcess> AddNodeAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["CaseFlow__Smtp__Host"] = Smtp.Host,
            ["CaseFlow__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),

            // Fail-over within seconds: a node silent for 4 s is taken to be dead and its triggers are recovered.
            ["CaseFlow__Scheduling__ClusterCheckinIntervalSeconds"] = "1",
            ["CaseFlow__Scheduling__ClusterCheckinMisfireThresholdSeconds"] = "4",
            ["CaseFlow__Scheduling__MisfireThresholdSeconds"] = "1",
            ["CaseFlow__Scheduling__InstanceId"] = NodeId(nodes.Count),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var node = new ServerProcess(Path.Combine(root, $"node-{nodes.Count}"), settings, databaseOf: DatabaseKey);
        nodes.Add(node);
        await node.StartAsync(cancellationToken);
        return node;
    }

    /// <summary>The Quartz instance id of node <paramref name="index"/>.</summary>
    public static string NodeId(int index) => $"node-{index}";

    /// <summary>The connection string of the nodes' shared database.</summary>
    public string ConnectionString => TestDatabases.PostgresConnectionStringFor(DatabaseKey);

    /// <summary>The personal-data key every node is configured with.</summary>
    public string DataKey => ServerProcess.SharedDataKey(DatabaseKey);

    /// <summary>The index of the node running the Quartz job <paramref name="jobName"/> now, or null when none is.</summary>
    public async Task<int?> NodeRunningAsync(string jobName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = @job AND state = 'EXECUTING' LIMIT 1", connection);
        command.Parameters.AddWithValue("job", jobName);
        return await command.ExecuteScalarAsync(cancellationToken) is string node ? int.Parse(node["node-".Length..], CultureInfo.InvariantCulture) : null;
    }

    /// <summary>How many triggers Quartz has handed to node <paramref name="index"/> (acquired, waiting for their instant, or running).</summary>
    public async Task<long> TriggersHeldByAsync(int index, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM qrtz_fired_triggers WHERE instance_name = @node", connection);
        command.Parameters.AddWithValue("node", NodeId(index));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How many times the timer job ran for each instance on <paramref name="node"/>: fired or found already consumed.</summary>
    public static Dictionary<string, int> TimerJobRuns(ServerProcess node) =>
        node.Output.Select(line => TimerJobLine().Match(line)).Where(m => m.Success)
            .GroupBy(m => m.Groups["instance"].Value, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Warnings, errors and timer lines of every node, for a failure message.</summary>
    public string Diagnostics() => string.Join(
        Environment.NewLine,
        nodes.SelectMany((node, i) => node.Output
            .Where(l => l.Contains("WARN", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("Timer", StringComparison.Ordinal) || l.Contains("Quartz", StringComparison.Ordinal))
            .TakeLast(40)
            .Select(l => $"node-{i}: {l}")));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        TestDatabases.Delete(DatabaseKey);
        TestDatabases.Delete(root);
    }

    // ResumeTimerJob's two outcomes: "Timer {BookmarkId} of instance {InstanceId} fired (...)" / "... was already consumed".
    [GeneratedRegex(@"Timer [0-9a-f-]{36} of instance (?<instance>[0-9a-f-]{36}) (fired|was already consumed)", RegexOptions.IgnoreCase)]
    private static partial Regex TimerJobLine();
}
