using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Api;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// Two server processes on one PostgreSQL database: Quartz's cluster fires each due timer on one node, optimistic
/// concurrency settles commands racing on both, and the outbox hands each email to one node. PostgreSQL only: SQLite
/// is one node by design.
/// </summary>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class TwoNodeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DueTimersAndTheirEmails_FireExactlyOnce_AcrossTwoNodes()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(2, Cancel);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var legalA = await a.ClientForAsync("legal", Cancel);
        var legalB = await b.ClientForAsync("legal", Cancel);
        var recipient = $"cluster-{Guid.NewGuid():N}@example.org";
        var timerKey = await ProcessesApiTests.PublishAsync(legalA, k => TestProcesses.Timer(k, "PT4S"));
        var lateKey = await ProcessesApiTests.PublishAsync(legalA, k => TestProcesses.TaskWithBoundaryTimer(k, "PT4S", recipient));

        // Half of the instances start on each node; all of their timers fall due within the same second or two.
        var instances = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var client = i % 2 == 0 ? legalA : legalB;
            var key = i < 8 ? timerKey : lateKey;
            var started = await client.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"C-{i}" }, Cancel);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            instances.Add((string)(await started.ReadObjectAsync())["id"]!);
        }

        foreach (var id in instances)
        {
            Assert.True(
                await Requests.EventuallyAsync(async () => (string)(await InstanceAsync(legalB, id))["status"]! == "completed", TimeSpan.FromSeconds(40)),
                $"instance {id} did not complete");
        }

        var mails = await cluster.Smtp.WaitForMessagesAsync(4, TimeSpan.FromSeconds(30), Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel); // room for a second firing or a second send to show itself

        var runsA = ClusterNodes.TimerJobRuns(a);
        var runsB = ClusterNodes.TimerJobRuns(b);
        foreach (var id in instances)
        {
            var history = (await InstanceAsync(legalA, id))["history"]!.AsArray();
            Assert.Single(history, h => (string)h!["event"]! == "TimerFired");
            Assert.Equal(1, runsA.GetValueOrDefault(id) + runsB.GetValueOrDefault(id));
        }

        var sent = cluster.Smtp.Messages.Where(m => m.To.Mailboxes.Any(x => x.Address == recipient)).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(4, sent.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task TaskCompletion_RacingOnTwoNodes_IsAppliedOnce_AndTheLoserGets409()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(2, Cancel);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var legal = await a.ClientForAsync("legal", Cancel);
        var handlerA = await a.ClientForAsync("handler1", Cancel);
        var handlerB = await b.ClientForAsync("handler1", Cancel);
        var key = await ProcessesApiTests.PublishAsync(legal, TestProcesses.OneTask);

        for (var i = 0; i < 8; i++)
        {
            var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { }, Cancel);
            var id = (string)(await started.ReadObjectAsync())["id"]!;
            var tasks = await handlerA.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate&pageSize=200", Cancel);
            var task = tasks!["items"]!.AsArray().Single(t => (string)t!["processInstanceId"]! == id)!;

            var statuses = (await Task.WhenAll(
                handlerA.CompleteAsync((string)task["id"]!, "ok"),
                handlerB.CompleteAsync((string)task["id"]!, "ok"))).Select(r => r.StatusCode).Order().ToList();

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var instance = await InstanceAsync(legal, id);
            Assert.Equal("completed", (string)instance["status"]!);
            Assert.Single(instance["history"]!.AsArray(), h => (string)h!["event"]! == "TaskCompleted");
        }
    }

    [Fact]
    public async Task Messages_RacingOnTwoNodes_MatchOnce()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(2, Cancel);
        var clients = new[] { await cluster.Nodes[0].ClientForAsync("legal", Cancel), await cluster.Nodes[1].ClientForAsync("legal", Cancel) };
        var message = "cluster-" + Guid.NewGuid().ToString("N")[..6];
        var key = await ProcessesApiTests.PublishAsync(clients[0], k => TestProcesses.MessageCatch(k, message));

        for (var i = 0; i < 6; i++)
        {
            var started = await clients[i % 2].PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = $"M-{i}" }, Cancel);
            var id = (string)(await started.ReadObjectAsync())["id"]!;
            var responses = await Task.WhenAll(
                clients.Concat(clients).Select(c => c.PostAsJsonAsync("/api/messages", new { name = message, correlationKey = $"M-{i}" }, Cancel)));
            var matched = 0;
            foreach (var response in responses)
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    matched += (int)(await response.ReadObjectAsync())["matched"]!;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // arrived after the winner committed
                }
            }

            Assert.Equal(1, matched);
            Assert.Single((await InstanceAsync(clients[0], id))["history"]!.AsArray(), h => (string)h!["event"]! == "MessageReceived");
        }
    }

    private static async Task<JsonObject> InstanceAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{id}", Cancel))!;
}
