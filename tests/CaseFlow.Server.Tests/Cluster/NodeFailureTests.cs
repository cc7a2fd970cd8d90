using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Api;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>A node of three is killed with SIGKILL as its timers fall due; the others fire them, each once. PostgreSQL only.</summary>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class NodeFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimersDueOnAKilledNode_FireOnTheOthersWithin30Seconds_ExactlyOnce()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(3, Cancel);
        var victim = cluster.Nodes[2];
        var legal = await victim.ClientForAsync("legal", Cancel);
        var survivor = await cluster.Nodes[0].ClientForAsync("legal", Cancel);
        var key = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Timer(k, "PT8S"));
        var instances = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"K-{i}" }, Cancel);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            instances.Add((string)(await started.ReadObjectAsync())["id"]!);
        }

        // Killed while it holds some of the due timers: Quartz acquires a trigger ahead of its instant, so the victim
        // has rows in qrtz_fired_triggers (acquired or executing) that only the cluster's recovery can give back.
        Assert.True(
            await Requests.EventuallyAsync(async () => await cluster.TriggersHeldByAsync(2, Cancel) > 0, TimeSpan.FromSeconds(15)),
            "the node to be killed never held a timer");
        victim.Kill();
        var killedAt = Stopwatch.StartNew();

        foreach (var id in instances)
        {
            var remaining = TimeSpan.FromSeconds(30) - killedAt.Elapsed;
            Assert.True(
                remaining > TimeSpan.Zero && await Requests.EventuallyAsync(async () => (string)(await InstanceAsync(survivor, id))["status"]! == "completed", remaining),
                $"instance {id} did not complete within 30 s of the kill{Environment.NewLine}{cluster.Diagnostics()}");
        }

        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // room for a duplicate firing to show itself
        foreach (var id in instances)
        {
            Assert.Single((await InstanceAsync(survivor, id))["history"]!.AsArray(), h => (string)h!["event"]! == "TimerFired");
        }
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}", Cancel))!;
}
