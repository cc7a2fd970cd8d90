using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;
using Npgsql;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// Issue 23 item 4: intake on two nodes of one PostgreSQL database runs on both at the same time. Until issue 23 every
/// audited save took one advisory lock for the audit chain, so the second node's requests queued behind the first's;
/// now requests write their audit entries unlinked and take no database-wide lock but the case-number counter row,
/// once per block. The test measures how much of the time both nodes had intakes in flight and finishing, and samples
/// PostgreSQL's lock waits during the run to show that no request waited on a lock held by the other node.
/// </summary>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class TwoNodeIntakeTests
{
    private const int WorkersPerNode = 4;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IntakeOnTwoNodes_BothProgressAtOnce_AndNoRequestWaitsOnTheOtherNodesLock()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(2, Cancel);
        var intake = new[] { await cluster.Nodes[0].ClientForAsync("intake", Cancel), await cluster.Nodes[1].ClientForAsync("intake", Cancel) };
        var admin = new[] { await cluster.Nodes[0].ClientForAsync("admin", Cancel), await cluster.Nodes[1].ClientForAsync("admin", Cancel) };

        // Warm-up (JIT, connection pools, each node's first block of case numbers), then the serial sections are counted afresh.
        for (var node = 0; node < 2; node++)
        {
            for (var i = 0; i < 3; i++)
            {
                await intake[node].CreateAsync(CaseSteps.Report(description: Facts()));
            }

            (await admin[node].PostAsync("/api/admin/write-path/reset", null, Cancel)).EnsureSuccessStatusCode();
        }

        var clock = Stopwatch.StartNew();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var waits = SampleLockWaitsAsync(cluster.ConnectionString, sampling.Token);
        var runs = await Task.WhenAll(Enumerable.Range(0, 2 * WorkersPerNode).Select(w => IntakeWorkerAsync(intake[w % 2], w % 2, clock)));
        await sampling.CancelAsync();
        var sampled = await waits;

        var byNode = Enumerable.Range(0, 2).Select(n => runs.Where(r => r.Node == n).SelectMany(r => r.Requests).OrderBy(r => r.Start).ToList()).ToArray();
        var common = (Start: Math.Max(byNode[0][0].Start, byNode[1][0].Start), End: Math.Min(byNode[0][^1].End, byNode[1][^1].End));
        var busyA = Union(byNode[0]);
        var busyB = Union(byNode[1]);
        var both = Intersect(busyA, busyB);
        var slices = Slices(common, byNode);
        var blocks = await Task.WhenAll(admin.Select(BlockReservationsAsync));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intakes A {byNode[0].Count}, B {byNode[1].Count} in {common.End - common.Start:N0} ms together; both nodes in flight {both:N0} ms = {both / Length(busyA):P0} of A's busy time, {both / Length(busyB):P0} of B's; "
            + $"{slices.Count(s => s.A > 0 && s.B > 0)}/{slices.Count} slices of {Slice.TotalMilliseconds:N0} ms with intakes finished on both (median A {Median(slices.Select(s => s.A))}, B {Median(slices.Select(s => s.B))}); "
            + $"case-number block reservations A {blocks[0]}, B {blocks[1]}; lock waits sampled {sampled.Samples} times: {string.Join("; ", sampled.Waits.Select(w => $"{w.Key} ×{w.Value}"))}"));

        // Both nodes had intakes in flight together nearly all the time, and both finished intakes in every second of it
        // but at most one: on this 2-core machine, shared with other builds, a process can stall for half a second (a
        // 500 ms slice with 16 intakes on one node and none on the other was seen once, with no lock wait sampled).
        Assert.True(byNode[0].Count >= 20 && byNode[1].Count >= 20, $"too few intakes to judge: A {byNode[0].Count}, B {byNode[1].Count}");
        Assert.True(both / Length(busyA) > 0.8 && both / Length(busyB) > 0.8, $"nodes in flight together only {both:N0} ms of A {Length(busyA):N0} ms, B {Length(busyB):N0} ms");
        var stood = slices.Where(s => s.A == 0 || s.B == 0).ToList();
        Assert.True(stood.Count <= 1, $"in {stood.Count} of {slices.Count} seconds one node stood still while the other ran: {string.Join(", ", stood)}");

        // Sequencers wait for each other's batch, and Quartz's schedulers for its cluster lock row (QRTZ_LOCKS): neither is a
        // request. The only lock a request may wait for is the case-number counter row, once per block of 100 per node. pg_stat_activity reads a backend's wait live but its statement from
        // a snapshot, so a sequencer caught just after its last COMMIT can show as "advisory: COMMIT": a stray sample or
        // two are tolerated, a lock that requests queue on shows in a large share of the samples.
        // Relation extension ("extend") is PostgreSQL's own storage lock: a backend that finds a table or index full
        // adds a page under it (one page at a time before PostgreSQL 16), and any concurrent inserter, from either node
        // or the raw baseline, can queue on it for a moment. It is no lock of ours and no serial section of a request;
        // it is bounded separately so that a table growing on every insert would still show.
        var requestWaits = sampled.Waits
            .Where(w => !w.Key.Contains("/* audit sequencer */", StringComparison.Ordinal) && !w.Key.Contains("QRTZ_LOCKS", StringComparison.Ordinal)
                && !w.Key.Contains("\"Counters\"", StringComparison.Ordinal) && !IsRelationExtension(w.Key))
            .ToList();
        Assert.True(requestWaits.Sum(w => w.Value) <= sampled.Samples / 100, $"requests waited on a lock in {requestWaits.Sum(w => w.Value)} of {sampled.Samples} samples: {string.Join("; ", requestWaits)}");
        var extensionWaits = sampled.Waits.Where(w => IsRelationExtension(w.Key)).Sum(w => w.Value);
        Assert.True(extensionWaits <= sampled.Samples / 10, $"inserts waited to extend a table in {extensionWaits} of {sampled.Samples} samples");
        Assert.All([0, 1], n => Assert.True(blocks[n] <= (byNode[n].Count / 100) + 2, $"{blocks[n]} block reservations for {byNode[n].Count} intakes on node {n}"));

        var verify = await admin[0].GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel);
        Assert.True((bool)verify!["ok"]!, verify.ToJsonString());
    }

    private static bool IsRelationExtension(string wait) => wait.StartsWith("extend:", StringComparison.Ordinal);

    private static string Facts() => $"店内销售无强制性认证标志的电热水壶（{Guid.NewGuid():N}）。";

    private static async Task<WorkerRun> IntakeWorkerAsync(HttpClient client, int node, Stopwatch clock)
    {
        var requests = new List<Interval>();
        while (clock.Elapsed < RunFor)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            await client.CreateAsync(CaseSteps.Report(description: Facts()));
            requests.Add(new Interval(start, clock.Elapsed.TotalMilliseconds));
        }

        return new WorkerRun(node, requests);
    }

    /// <summary>
    /// Samples pg_stat_activity every 10 ms for backends of this database waiting on a heavyweight lock (row, tuple,
    /// transaction, advisory), counted by their statement; a node waiting on the other's lock shows here.
    /// </summary>
    private static async Task<(int Samples, Dictionary<string, int> Waits)> SampleLockWaitsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var waits = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            "SELECT wait_event || ': ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 120) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
            connection);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                samples++;
                await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
                {
                    while (await reader.ReadAsync(CancellationToken.None))
                    {
                        var query = reader.GetString(0);
                        waits[query] = waits.GetValueOrDefault(query) + 1;
                    }
                }

                await Task.Delay(10, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return (samples, waits);
    }

    private static async Task<long> BlockReservationsAsync(HttpClient admin)
    {
        var sections = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/write-path", Cancel))!["sections"]!.AsArray();
        return sections.Where(s => (string)s!["section"]! == "case-number block").Select(s => (long)s!["count"]!).SingleOrDefault();
    }

    /// <summary>The time covered by at least one of <paramref name="intervals"/> (sorted by start), as disjoint intervals.</summary>
    private static List<Interval> Union(List<Interval> intervals)
    {
        var merged = new List<Interval>();
        foreach (var next in intervals)
        {
            if (merged.Count > 0 && next.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, next.End) };
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    /// <summary>Milliseconds covered by both sets of disjoint, sorted intervals.</summary>
    private static double Intersect(List<Interval> a, List<Interval> b)
    {
        double total = 0;
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            total += Math.Max(0, Math.Min(a[i].End, b[j].End) - Math.Max(a[i].Start, b[j].Start));
            if (a[i].End < b[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return total;
    }

    private static double Length(List<Interval> disjoint) => disjoint.Sum(i => i.End - i.Start);

    /// <summary>Intakes finished on each node in each whole slice of the time both nodes were running.</summary>
    private static List<(double From, int A, int B)> Slices((double Start, double End) common, List<Interval>[] byNode)
    {
        var slices = new List<(double, int, int)>();
        for (var from = common.Start; from + Slice.TotalMilliseconds <= common.End; from += Slice.TotalMilliseconds)
        {
            var to = from + Slice.TotalMilliseconds;
            slices.Add((from - common.Start, byNode[0].Count(r => r.End >= from && r.End < to), byNode[1].Count(r => r.End >= from && r.End < to)));
        }

        return slices;
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private sealed record Interval(double Start, double End);

    private sealed record WorkerRun(int Node, List<Interval> Requests);
}
