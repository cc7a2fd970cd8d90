using System.Diagnostics;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// A node of three is killed with SIGKILL in the middle of a wave of due deadlines, while it runs the escalation sweep;
/// the others finish the wave, and every deadline ends with its step, and its email, exactly once. PostgreSQL only.
/// </summary>
/// <remarks>
/// What makes it hold: a sweep batch is one transaction (the killed node's open batch is rolled back by PostgreSQL with
/// its connection); Quartz's cluster recovery hands the sweep's trigger to a live node once the dead one misses its
/// check-ins; the outbox row is written in the step's transaction; and a claim on an outbox row held by the dead node
/// expires, after which the row is sent again under the same Message-Id.
/// </remarks>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class WaveNodeFailureTests
{
    private const int Deadlines = 1_000;

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeKilledWhileSweepingAWave_TheOthersFinishIt_EveryStepAndEmailExactlyOnce()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        await using var cluster = await ClusterNodes.StartAsync(3, Cancel, new Dictionary<string, string>
        {
            ["CaseFlow__Scheduling__EscalationSweepSeconds"] = "1",

            // Many small transactions, so the sweep is still running when the test has seen it start and kills its node.
            ["CaseFlow__Scheduling__EscalationBatchSize"] = "10",

            // A claim on an email held by the killed node expires within the test.
            ["CaseFlow__Outbox__LockSeconds"] = "5",
        });
        var wave = await EscalationWave.SeedIntoPostgresAsync(cluster.ConnectionString, cluster.DataKey, Deadlines, TimeProvider.System, Cancel);
        await wave.ReleaseAsync(Cancel);

        var (victim, firedBeforeKill) = await KillTheSweepingNodeMidWaveAsync(cluster, wave);
        var killedAt = Stopwatch.StartNew();
        Assert.True(firedBeforeKill < Deadlines, "the wave was over before the kill");

        Assert.True(
            await Requests.EventuallyAsync(async () => await wave.FiredAsync(Cancel) == Deadlines, Recovery),
            $"after killing node-{victim}, {await wave.FiredAsync(Cancel)} of {Deadlines} deadlines were escalated within {Recovery.TotalSeconds} s{Environment.NewLine}{cluster.Diagnostics()}");
        var recoveredIn = killedAt.Elapsed;

        // Nothing duplicated: each deadline's 督办 fired once, with one email in the outbox.
        var steps = await wave.StepsByDeadlineAsync(Cancel);
        Assert.All(steps.Values, fired => Assert.Equal(["step:0#1"], fired));
        var emails = await wave.EmailsAsync(Cancel);
        Assert.Equal(Deadlines, emails.Count);
        Assert.Equal(Deadlines, emails.Select(m => m.CaseId).Distinct().Count());
        Assert.All(emails, m => Assert.Equal("chief@caseflow.example", m.To));

        // Nothing lost on the wire: every email reaches the SMTP server. One the killed node had claimed may arrive
        // twice, under the same Message-Id (at-least-once delivery; a mail client shows it once).
        var received = await cluster.Smtp.WaitForMessagesAsync(Deadlines, TimeSpan.FromSeconds(120), Cancel);
        var messageIds = received.Where(m => m.Subject?.StartsWith("【督办】", StringComparison.Ordinal) == true).Select(m => m.MessageId).ToList();
        Assert.Equal(emails.Select(m => m.MessageId).Order(StringComparer.Ordinal), messageIds.Distinct().Order(StringComparer.Ordinal));
        Assert.True(messageIds.Count <= Deadlines + 1, $"{messageIds.Count - Deadlines} emails were delivered twice");
        TestContext.Current.TestOutputHelper?.WriteLine($"killed node-{victim} after {firedBeforeKill} of {Deadlines} steps; the others finished the wave {recoveredIn.TotalSeconds:N1} s after the kill");
    }

    /// <summary>Waits for the sweep to be under way on some node, part of the wave fired, and kills that node.</summary>
    private static async Task<(int Victim, int FiredBeforeKill)> KillTheSweepingNodeMidWaveAsync(ClusterNodes cluster, EscalationWave wave)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var fired = await wave.FiredAsync(Cancel);
            if (fired > 0 && fired < Deadlines / 2 && await cluster.NodeRunningAsync("escalation-sweep", Cancel) is { } sweeping)
            {
                cluster.Nodes[sweeping].Kill();
                return (sweeping, await wave.FiredAsync(Cancel));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), Cancel);
        }

        Assert.Fail($"no node was seen sweeping with part of the wave fired{Environment.NewLine}{cluster.Diagnostics()}");
        return default;
    }
}
