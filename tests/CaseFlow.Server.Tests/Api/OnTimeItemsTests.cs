using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Issue 16, item 6: the summary counts items as bureaus report them. Seven items are run through the built-in processes
/// on a clock the test moves, and every figure is compared with the one computed by hand from what was done.
/// </summary>
public sealed class OnTimeItemsTests(FakeClockCaseFlowApp app) : IClassFixture<FakeClockCaseFlowApp>
{
    [Fact]
    public async Task Summary_OnConstructedCases_EqualsTheHandComputedFigures()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");

        // Mon 2026-12-07: six items arrive. The acceptance period (7 working days) ends Wed 12-16.
        var a = await CreateComplaintAsync(intake, "A");
        var b = await CreateComplaintAsync(intake, "B");
        var c = await CreateComplaintAsync(intake, "C");
        var f = await CreateComplaintAsync(intake, "F");
        var g = await intake.CreateAsync(Complaint("G", odr: true));
        var e = await intake.CreateAsync(CaseSteps.Report(phone: "13900001111", description: $"无证经营（{Guid.NewGuid():N}）"));

        // A: accepted, mediated to an agreement (199 yuan), rated, closed — on time.
        await intake.StepAsync(Id(a), "decideAcceptance", "accept", new { officeId = "office-1" });
        await handler.StepAsync(Id(a), "mediate", "agreement", CaseSteps.Agreement(recovered: 199m));
        await handler.StepAsync(Id(a), "returnVisit", "rated", new { satisfaction = "satisfied" });

        // F: refused under Art. 16 — handled on time. G: the business settled it first — closed before dispatch.
        await intake.StepAsync(Id(f), "decideAcceptance", "refuse", new { refusalGround = "not-consumption", refusalReason = "非生活消费" });
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsJsonAsync("/api/messages", new { name = "odr-settled", correlationKey = (string)g["number"]! })).StatusCode);

        // E: a report, handled at the 立案 decision although the enforcement case goes on.
        await intake.StepAsync(Id(e), "forwardReport", "forward", new { officeId = "office-1" });
        await chief.StepAsync(Id(e), "verifyReport", "file", new
        {
            caseSource = "report",
            party = "城关家电商行",
            factsSummary = "无证经营",
            legalBasis = "《无证无照经营查处办法》第十三条",
            proposedHandler1 = "李强",
            proposedHandler2 = "王芳",
        });
        await chief.StepAsync(Id(e), "approveFiling", "approve"); // 立案 is the head's decision (issue 16)

        // Thu 12-17: B is accepted a day late, then its mediation is withdrawn; C is still waiting, past due; D arrives.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 2, 0, 0, TimeSpan.Zero));
        app.ForgetTokens(); // ten days on: the week-long tokens have expired
        intake = await app.ClientForAsync("intake");
        handler = await app.ClientForAsync("handler1");
        chief = await app.ClientForAsync("chief");
        await intake.StepAsync(Id(b), "decideAcceptance", "accept", new { officeId = "office-1" });
        await handler.StepAsync(Id(b), "mediate", "withdrawn", new { mediationResult = "投诉人撤回投诉" });
        await handler.StepAsync(Id(b), "returnVisit", "unreachable");
        await CreateComplaintAsync(intake, "D");

        var summary = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2026-12-01&to=2026-12-31"))!;

        // By hand: received A B C D F G (complaints) + E (report) = 7; handled A B F G E = 5, C and D in progress.
        // Due: the 5 handled + C (open past its acceptance period) = 6; D is not due yet. On time: 5 − B = 4 → 66.7%.
        Assert.Equal(7, (int)summary["received"]!);
        Assert.Equal(5, (int)summary["closed"]!);
        Assert.Equal(71.4m, (decimal)summary["closureRate"]!);
        Assert.Equal(2, (int)summary["inProgress"]!);
        Assert.Equal(6, (int)summary["onTime"]!["due"]!);
        Assert.Equal(4, (int)summary["onTime"]!["met"]!);
        Assert.Equal(66.7m, (decimal)summary["onTimeRate"]!);
        Assert.Equal(2, (int)summary["mediation"]!["concluded"]!);
        Assert.Equal(1, (int)summary["mediation"]!["succeeded"]!);
        Assert.Equal(50.0m, (decimal)summary["mediationSuccessRate"]!);
        Assert.Equal(1, (int)summary["resolvedBeforeDispatch"]!);
        Assert.Equal(14.3m, (decimal)summary["resolvedBeforeDispatchRate"]!);
        Assert.Equal(1, (int)summary["casesOpened"]!);
        Assert.Equal(
            "2026年12月1日至2026年12月31日，共受理各类投诉举报7件（其中投诉6件，举报1件），办结5件，办结率71.4%，其它2件正在办理，为消费者挽回经济损失199元。"
            + "其中分送前经经营者先行和解等前端化解1件，占14.3%。"
            + "到期办理事项6件，按期办结4件，按期办结率66.7%；组织调解2件，调解成功1件，调解成功率50.0%；回访1件，满意率100.0%。"
            + "立案查处各类违法案件1件。",
            (string)summary["narrative"]!);
    }

    private static async Task<JsonObject> CreateComplaintAsync(HttpClient intake, string tag) => await intake.CreateAsync(Complaint(tag));

    private static object Complaint(string tag, bool odr = false) => new
    {
        kind = "complaint",
        channel = "hotline",
        odr,
        complainant = new { name = "刘洋" + tag, phone = "1380013" + (8000 + tag[0]).ToString(System.Globalization.CultureInfo.InvariantCulture), email = "consumer@example.org", address = "城关区人民路 12 号" },
        respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
        category = "家用电器",
        subject = "电热水壶漏电 " + tag,
        description = $"购买的电热水壶漏电，商家拒绝退货（{tag}）。",
        amountInvolved = 199.0,
    };

    private static string Id(JsonObject created) => (string)created["id"]!;
}
