using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// Two server processes on one PostgreSQL database append to the one audit chain at the same moment: requests write
/// their entries unlinked, each node's sequencer links committed entries under the advisory lock only sequencers take,
/// so the chain stays unbroken and no save fails on a taken chain position.
/// </summary>
[Collection(nameof(ClusterRunsAlone))]
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only
public sealed class AuditChainAcrossNodesTests
{
    private const int PerNode = 40;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentAuditedSavesOnTwoNodes_AllSucceed_AndTheChainVerifies()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Several nodes need PostgreSQL (CASEFLOW_TEST_DATABASE=postgres).");
        // Forty wrong passwords per account from one address: the sign-in throttle (issue 18) would answer 429 after five.
        var settings = new Dictionary<string, string>
        {
            ["CaseFlow__Security__TokenRequestsPerMinute"] = "10000",
            ["CaseFlow__Security__MaxFailedSignIns"] = "100",
            ["CaseFlow__Security__AccountFailedSignIns"] = "10000",
            ["CaseFlow__Security__AddressFailedAccounts"] = "10000",
        };
        await using var cluster = await ClusterNodes.StartAsync(2, Cancel, settings);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        var adminA = await a.ClientForAsync("admin", Cancel);
        var ghostA = $"ghost-a-{Guid.NewGuid():N}";
        var ghostB = $"ghost-b-{Guid.NewGuid():N}";
        using var anonymousA = new HttpClient { BaseAddress = a.BaseAddress };
        using var anonymousB = new HttpClient { BaseAddress = b.BaseAddress };

        // Each failed sign-in is an audited save of its own; half go to each node, all at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, PerNode).SelectMany(_ => new[]
        {
            anonymousA.PostAsJsonAsync("/api/auth/token", new { userName = ghostA, password = "wrong-password-123" }, Cancel),
            anonymousB.PostAsJsonAsync("/api/auth/token", new { userName = ghostB, password = "wrong-password-123" }, Cancel),
        }));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(PerNode, await CountAsync(adminA, ghostA));
        Assert.Equal(PerNode, await CountAsync(adminA, ghostB));
        var verify = await adminA.GetFromJsonAsync<JsonObject>("/api/admin/audit/verify", Cancel);
        Assert.True((bool)verify!["ok"]!, verify.ToJsonString());
    }

    private static async Task<int> CountAsync(HttpClient admin, string actor) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?actor={actor}&action=SignInFailed&pageSize=200", Cancel))!["items"]!.AsArray().Count;
}
