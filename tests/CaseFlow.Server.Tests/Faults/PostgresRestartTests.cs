using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Api;
using CaseFlow.Server.Tests.Cluster;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Faults;

/// <summary>
/// PostgreSQL is restarted (<c>pg_ctl restart -m fast</c>) while a server process takes a steady stream of intakes and
/// task completions. Every request ends committed once or answered with a retryable 503; the client repeats those with
/// the same Idempotency-Key; afterwards each key has exactly one case, the audit chain verifies, and the same server
/// process serves requests and fires timers again without being restarted.
/// </summary>
[Collection(nameof(ClusterRunsAlone))] // restarting the cluster would cut every other test's connections
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class PostgresRestartTests : IAsyncDisposable
{
    private const int Workers = 4;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-pgrestart", Guid.NewGuid().ToString("N"));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsDuringARestart_CommitOnceOrAnswer503_AndTheServerRecoversWithoutARestart()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Restarting PostgreSQL needs the PostgreSQL pass (CASEFLOW_TEST_DATABASE=postgres).");
        await using var server = new ServerProcess(dataDirectory);
        await server.StartAsync(Cancel);
        var intakeClient = await server.ClientForAsync("intake", Cancel);
        var intake = new FaultyRequests(intakeClient, TimeSpan.FromSeconds(45));
        var legal = await server.ClientForAsync("legal", Cancel);
        var timerKey = await ProcessesApiTests.PublishAsync(legal, k => TestProcesses.Timer(k, "PT2S"));

        // Workers send intakes (every other one followed by completing its first task) until the restart is over and
        // a little more; the restart comes once the stream is flowing.
        var keys = new ConcurrentDictionary<string, Intake>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var workers = Enumerable.Range(0, Workers).Select(w => WorkAsync(intake, w, keys, stop.Token)).ToList();
        Assert.True(
            await Requests.EventuallyAsync(() => Task.FromResult(keys.Count >= 2 * Workers), TimeSpan.FromSeconds(30)),
            $"the stream did not get going: {keys.Count} keys in 30 s{Environment.NewLine}{Diagnostics(server)}");
        var before = keys.Count;
        var restart = Stopwatch.StartNew();
        await ThrowawayPostgres.RestartAsync(Cancel);
        restart.Stop();
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(before > 0, "no intake completed before the restart");
        Assert.True(keys.Count > before, "no intake completed after the restart");
        Assert.True(intake.Wrong.IsEmpty, $"answers that were neither final nor retryable:{Environment.NewLine}{string.Join(Environment.NewLine, intake.Wrong.Take(5))}{Environment.NewLine}{Diagnostics(server)}");

        // One case per key: intakes registered with their first task and deadline, completions applied once.
        var admin = await server.ClientForAsync("admin", Cancel);
        var all = await intakeClient.GetFromJsonAsync<JsonObject>("/api/cases?pageSize=1", Cancel);
        Assert.Equal(keys.Count, (int)all!["total"]!);
        Assert.Equal(keys.Count, keys.Values.Select(k => k.CaseId).Distinct(StringComparer.Ordinal).Count());
        foreach (var (key, done) in keys)
        {
            var view = await intakeClient.GetCaseAsync(done.CaseId);
            Assert.Single(view["deadlines"]!.AsArray());
            if (done.Completed)
            {
                var history = (await intakeClient.GetFromJsonAsync<JsonObject>($"/api/instances/{(string)view["processInstanceId"]!}", Cancel))!["history"]!.AsArray();
                Assert.Single(history, h => (string)h!["event"]! == "TaskCompleted");
            }
            else
            {
                Assert.True((string)view["status"]! == "registered", $"{key}: {view["status"]}");
                Assert.Single(view["tasks"]!.AsArray());
            }
        }

        var verify = await admin.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel);
        Assert.True((bool)verify!["ok"]!, verify.ToJsonString());

        // The same process, not restarted: healthy, takes a new case, and Quartz fires a new timer.
        using var probe = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health", Cancel)).StatusCode);
        var (fresh, _) = await intake.PostAsync("/api/cases", Requests.Complaint(email: null, subject: "重启后的投诉"), "after-restart", Cancel);
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        var started = await legal.PostAsJsonAsync($"/api/processes/{timerKey}/instances", new { businessKey = "after-restart" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (string)(await started.ReadObjectAsync())["id"]!;
        Assert.True(
            await Requests.EventuallyAsync(async () => (string)(await legal.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", Cancel))!["status"]! == "completed", TimeSpan.FromSeconds(30)),
            $"a timer started after the restart did not fire{Environment.NewLine}{Diagnostics(server)}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{keys.Count} keys ({before} before the restart), restart took {restart.ElapsedMilliseconds} ms; answers: {string.Join(", ", intake.Answers.GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
    }

    public ValueTask DisposeAsync()
    {
        TestDatabases.Delete(dataDirectory);
        return ValueTask.CompletedTask;
    }

    private static async Task WorkAsync(FaultyRequests client, int worker, ConcurrentDictionary<string, Intake> keys, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var key = $"pg-restart-{worker}-{i}";
            var (created, _) = await client.PostAsync("/api/cases", Requests.Complaint(email: null, subject: "重启中的投诉 " + key), key, CancellationToken.None);
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{key}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(CancellationToken.None)}");
            var caseId = (string)(await created.ReadObjectAsync())["id"]!;
            if (i % 2 == 1)
            {
                keys[key] = new Intake(caseId, Completed: false);
                continue;
            }

            var (tasks, _) = await client.GetAsync($"/api/tasks?scope=candidate&caseId={caseId}", CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
            var taskId = (string)(await tasks.ReadObjectAsync())["items"]!.AsArray().Single()!["id"]!;
            var (completed, ambiguous) = await client.PostAsync(
                $"/api/tasks/{taskId}/complete",
                new { outcome = "refuse", variables = new { refusalGround = "no-jurisdiction", refusalReason = "超过三年（第十六条第四项）" } },
                idempotencyKey: null,
                CancellationToken.None);

            // A 409 is right only when an earlier attempt's fate was unknown to the client: that attempt committed.
            Assert.True(
                completed.StatusCode == HttpStatusCode.OK || (ambiguous && completed.StatusCode == HttpStatusCode.Conflict),
                $"{key}: completing {taskId} answered {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync(CancellationToken.None)}");
            keys[key] = new Intake(caseId, Completed: true);
        }
    }

    private static string Diagnostics(ServerProcess server) =>
        string.Join(Environment.NewLine, server.Output.Where(l => l.Contains("WARN", StringComparison.Ordinal) || l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(40));

    private sealed record Intake(string CaseId, bool Completed);
}
