using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// An installation without the police-transfer process: the built-in enforcement process is still published at first
/// start, and a transfer waits on an incident until police-transfer is published and the incident retried.
/// </summary>
public sealed class EnforcementWithoutPoliceTransferTests(EnforcementClockApp app) : IClassFixture<EnforcementClockApp>
{
    private readonly EnforcementSteps steps = new(app);

    [Fact]
    public async Task Transfer_BeforePoliceTransferIsPublished_RaisesCallActivityFailed_RetryAfterPublishingCallsIt()
    {
        var legal = await app.ClientForAsync("legal");
        var caseId = await steps.UpToDecisionAsync(withPoliceTransfer: false);

        await steps.CompleteAsync("chief", caseId, "decide", "transfer", new { transferReason = "涉嫌犯罪" });

        var incident = Assert.Single((await legal.GetFromJsonAsync<JsonObject>("/api/incidents?processKey=enforcement"))!["items"]!.AsArray())!;
        Assert.Equal("CallActivityFailed", (string)incident["kind"]!);
        Assert.Equal("transferToPolice", (string)incident["elementId"]!);
        Assert.DoesNotContain((await steps.CaseAsync(caseId))["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decide");

        await steps.PublishPoliceTransferAsync();
        var retry = await legal.PostAsJsonAsync($"/api/instances/{incident["instanceId"]}/incident/retry", new { reason = "移送流程已发布" });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await steps.CompleteAsync("chief", caseId, "policeAnswer", "recorded", new { policeDecision = "accepted" });
        Assert.Equal("transferred", (string)(await steps.CaseAsync(caseId))["status"]!);
    }
}
