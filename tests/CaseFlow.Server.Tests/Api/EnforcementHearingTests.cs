using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The hearing path of the enforcement process: its time is left out of the 90-day decision period (PPR Art. 64).</summary>
public sealed class EnforcementHearingTests(EnforcementClockApp app) : IClassFixture<EnforcementClockApp>
{
    private readonly EnforcementSteps steps = new(app);

    [Fact]
    public async Task HearingRequested_StopsTheDecisionPeriod_UntilTheHearingReport()
    {
        // Filed Fri 2026-07-03; the party asks for a hearing the same day.
        var caseId = await steps.UpToDecisionAsync("hearing");
        var suspended = await steps.DeadlineAsync(caseId, "ppr.decision");
        Assert.Equal("suspended", (string)suspended["state"]!);
        Assert.Equal("Hearing", (string)Assert.Single(suspended["suspensions"]!.AsArray())!["kind"]!);
        Assert.DoesNotContain((await steps.CaseAsync(caseId))["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decide");

        await steps.CompleteAsync("legal", caseId, "hearingNotice", "served", new { hearingDate = "2026-07-07" });
        app.Clock.Advance(TimeSpan.FromDays(4)); // the hearing on Tue 07-07
        await steps.CompleteAsync("legal", caseId, "holdHearing", "held", new { hearingRecord = "听证笔录（当事人到场陈述）" });
        await steps.CompleteAsync("legal", caseId, "hearingReport", "submitted", new { hearingReport = "建议维持拟处罚意见" });

        // Four calendar days (07-04 to 07-07) were stopped: 10-08 + 4 = Mon 10-12.
        var resumed = await steps.DeadlineAsync(caseId, "ppr.decision");
        Assert.Equal("running", (string)resumed["state"]!);
        Assert.Equal("2026-10-12", (string)resumed["dueDate"]!);
        Assert.NotNull(Assert.Single(resumed["suspensions"]!.AsArray())!["resumedAt"]);
        await steps.CompleteAsync("chief", caseId, "decide", "penalty", EnforcementSteps.Penalty("罚款五万元", "城市监罚〔2026〕13号"));
        Assert.Equal("decided", (string)(await steps.CaseAsync(caseId))["status"]!);
    }
}
