using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The built-in enforcement process (立案查处) end to end through the API, on Fri 2026-07-03: every case here is opened
/// that day and the clock does not move, so the decision period ends on Thu 2026-10-08 (rules.md §5.2).
/// </summary>
public sealed class EnforcementProcessTests(EnforcementClockApp app) : IClassFixture<EnforcementClockApp>
{
    private readonly EnforcementSteps steps = new(app);

    [Fact]
    public async Task GeneralProcedure_RunsFromFilingToClosure_WithEveryDeadlineCountedByItsRule()
    {
        var caseId = await steps.OpenCaseAsync();
        Assert.Equal("filed", (string)(await steps.CaseAsync(caseId))["status"]!);

        await steps.CompleteAsync("handler1", caseId, "chooseProcedure", "general");
        var decision = await steps.DeadlineAsync(caseId, "ppr.decision");
        Assert.Equal("2026-10-08", (string)decision["dueDate"]!); // 07-03 + 90 days = Thu 10-01, National Day → 10-08
        Assert.Equal("running", (string)decision["state"]!);
        Assert.Equal("90d", (string)decision["rule"]!);
        Assert.Contains("第六十四条", (string)decision["legalBasis"]!, StringComparison.Ordinal);

        await steps.CompleteAsync("handler1", caseId, "investigate", "concluded", new { evidence = "现场检查笔录", investigationReport = "违法事实清楚" });
        Assert.Equal("2026-07-17", (string)(await steps.DeadlineAsync(caseId, "ppr.review"))["dueDate"]!); // 10 working days

        // The review sends the case back once for more evidence; investigation resumes and the review comes again.
        await steps.CompleteAsync("legal", caseId, "review", "return", new { reviewOpinion = "缺少进货来源证据，退回补充调查" });
        await steps.CompleteAsync("handler1", caseId, "investigate", "concluded", new { evidence = "现场检查笔录、进货单据", investigationReport = "违法事实清楚，证据确凿" });
        await steps.CompleteAsync("legal", caseId, "review", "approve", new { reviewOpinion = "同意" });

        await steps.CompleteAsync("handler1", caseId, "serveNotice", "served", new { noticeNumber = "城市监罚告〔2026〕12号", proposedPenalty = "罚款五万元" });
        Assert.Equal("2026-07-10", (string)(await steps.DeadlineAsync(caseId, "ppr.party-statement"))["dueDate"]!); // 5 working days
        await steps.CompleteAsync("handler1", caseId, "partyStatement", "statement", new { statementSummary = "请求从轻处罚" });

        await steps.CompleteAsync("chief", caseId, "decide", "penalty", new { penaltyDecision = "罚款五万元", decisionNumber = "城市监罚〔2026〕12号" });
        var decided = await steps.CaseAsync(caseId);
        Assert.Equal("decided", (string)decided["status"]!);
        Assert.Equal("met", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
        Assert.Equal("2026-07-14", (string)(await steps.DeadlineAsync(caseId, "ppr.service"))["dueDate"]!);      // 7 working days
        Assert.Equal("2026-07-31", (string)(await steps.DeadlineAsync(caseId, "ppr.publication"))["dueDate"]!);  // 20 working days

        await steps.CompleteAsync("handler1", caseId, "serveDecision", "served", new { serviceMethod = "直接送达" });
        await steps.CompleteAsync("handler1", caseId, "publishDecision", "published");
        await steps.CompleteAsync("handler1", caseId, "execute", "executed", new { executionResult = "罚款已全额缴纳" });
        Assert.Equal("2026-07-24", (string)(await steps.DeadlineAsync(caseId, "ppr.closure"))["dueDate"]!); // 15 working days
        await steps.CompleteAsync("chief", caseId, "closeCase", "closed", new { closingGround = "行政处罚决定已执行完毕（第七十七条第一项）" });

        var closed = await steps.CaseAsync(caseId);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Empty(closed["tasks"]!.AsArray());
        var statuses = closed["timeline"]!.AsArray().Where(e => (string)e!["event"]! == "StatusChanged").Select(e => (string)e!["details"]!).ToList();
        Assert.Contains(statuses, s => s.StartsWith("Filed → Decided", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("Decided → Closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecisionPeriod_FirstExtensionByTheHead_FurtherOnesOnlyByCollectiveDecision()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await steps.OpenCaseAsync();
        await steps.CompleteAsync("handler1", caseId, "chooseProcedure", "general");
        var path = $"/api/cases/{caseId}/deadlines/{(await steps.DeadlineAsync(caseId, "ppr.decision"))["id"]}/extend";

        var collectiveFirst = await chief.PostAsJsonAsync(path, new { reason = "案情复杂", approvedBy = "局长办公会", approval = "CollectiveDecision" });
        Assert.Equal(HttpStatusCode.Conflict, collectiveFirst.StatusCode);

        var first = await chief.PostAsJsonAsync(path, new { reason = "需补充鉴定", approvedBy = "局长 孙伟", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("2026-11-09", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["dueDate"]!); // +30 = Sat 11-07 → Mon

        var headAgain = await chief.PostAsJsonAsync(path, new { reason = "仍需调查", approvedBy = "局长 孙伟", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.Conflict, headAgain.StatusCode);
        Assert.Contains("CollectiveDecision", (string)(await headAgain.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);

        var collective = await chief.PostAsJsonAsync(path, new { reason = "案情特别复杂，负责人集体讨论决定延期", approvedBy = "局负责人集体讨论（2026年第3次）", approval = "CollectiveDecision" });
        Assert.Equal(HttpStatusCode.OK, collective.StatusCode);
        var extended = await steps.DeadlineAsync(caseId, "ppr.decision");
        Assert.Equal("2026-12-09", (string)extended["dueDate"]!);
        Assert.Equal(["OfficeHead", "CollectiveDecision"], extended["extensions"]!.AsArray().Select(e => (string)e!["approval"]!));
    }

    [Theory]
    [InlineData("person", "warning", null)]
    [InlineData("person", "fine", 200.0)]
    [InlineData("organisation", "fine", 3000.0)]
    public async Task SimpleProcedure_WithinTheLimits_DecidedOnTheSpot_ThenFiledWithinSevenWorkingDays(string partyType, string penaltyType, double? proposedFine)
    {
        var caseId = await steps.OpenCaseAsync();

        await steps.CompleteAsync("handler1", caseId, "chooseProcedure", "simple", new
        {
            factsClear = true, partyType, penaltyType, proposedFine, decisionNumber = "城市监简罚〔2026〕7号", illegalFacts = "未按规定公示营业执照",
        });

        var view = await steps.CaseAsync(caseId);
        Assert.Equal("decided", (string)view["status"]!);
        Assert.DoesNotContain(view["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "ppr.decision");
        Assert.Equal("2026-07-14", (string)(await steps.DeadlineAsync(caseId, "ppr.simple-filing"))["dueDate"]!);
        await steps.CompleteAsync("handler1", caseId, "fileSimpleCase", "filed");
        Assert.Equal("closed", (string)(await steps.CaseAsync(caseId))["status"]!);
    }

    [Theory]
    [InlineData("person", "fine", 201.0, true, "variables.proposedFine")]
    [InlineData("organisation", "fine", 3000.5, true, "variables.proposedFine")]
    [InlineData("person", "fine", null, true, "variables.proposedFine")]
    [InlineData("person", "confiscation", 100.0, true, "variables.penaltyType")]
    [InlineData("person", "warning", null, false, "variables.factsClear")]
    [InlineData("company", "warning", null, true, "variables.partyType")]
    public async Task SimpleProcedure_OutsideTheLimits_IsRefusedNamingTheField_AndTheTaskStaysOpen(string partyType, string penaltyType, double? proposedFine, bool factsClear, string field)
    {
        var handler = await app.ClientForAsync("handler1");
        var caseId = await steps.OpenCaseAsync();
        var task = await steps.TaskAsync("handler1", caseId, "chooseProcedure");

        var refused = await handler.CompleteAsync((string)task["id"]!, "simple", new
        {
            factsClear, partyType, penaltyType, proposedFine, decisionNumber = "城市监简罚〔2026〕8号", illegalFacts = "超范围经营",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Equal("filed", (string)(await steps.CaseAsync(caseId))["status"]!);
        Assert.Equal((string)task["id"]!, (string)(await steps.TaskAsync("handler1", caseId, "chooseProcedure"))["id"]!);
    }

    [Fact]
    public async Task Transfer_PoliceOpenACriminalCase_CaseIsTransferredAndClosed_NoDecisionWhileTheTransferIsPending()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await steps.UpToDecisionAsync("waived");
        var decide = await steps.TaskAsync("chief", caseId, "decide");
        var transfer = await chief.CompleteAsync((string)decide["id"]!, "transfer", new { transferReason = "涉嫌生产销售不符合安全标准的食品罪" });
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);

        // 不得以罚代刑: while the police decide there is no decision task, and the old one cannot be completed.
        var pending = await steps.CaseAsync(caseId);
        Assert.DoesNotContain(pending["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decide");
        var fineInstead = await chief.CompleteAsync((string)decide["id"]!, "penalty", new { penaltyDecision = "罚款", decisionNumber = "X" });
        Assert.Equal(HttpStatusCode.Conflict, fineInstead.StatusCode);
        Assert.Equal("running", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);

        await steps.CompleteAsync("chief", caseId, "policeAnswer", "recorded", new { policeDecision = "accepted" });

        var transferred = await steps.CaseAsync(caseId);
        Assert.Equal("transferred", (string)transferred["status"]!);
        Assert.Contains(transferred["timeline"]!.AsArray(), e => (string)e!["event"]! == "StatusChanged" && ((string)e["details"]!).StartsWith("Filed → Transferred", StringComparison.Ordinal));
        Assert.Equal("met", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
        await steps.CompleteAsync("chief", caseId, "closeCase", "closed", new { closingGround = "已移送司法机关（第七十七条第四项）" });
        Assert.Equal("closed", (string)(await steps.CaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Transfer_PoliceDeclineAndReconsiderationUpholds_CaseReturnsToThePenaltyTrack()
    {
        var caseId = await steps.UpToDecisionAsync();
        await steps.CompleteAsync("chief", caseId, "decide", "transfer", new { transferReason = "涉嫌销售伪劣产品罪" });

        await steps.CompleteAsync("chief", caseId, "policeAnswer", "recorded", new { policeDecision = "declined-upheld" });

        var back = await steps.CaseAsync(caseId);
        Assert.Equal("filed", (string)back["status"]!);
        Assert.Contains(back["timeline"]!.AsArray(), e => (string)e!["event"]! == "StatusChanged" && ((string)e["details"]!).Contains("第十条", StringComparison.Ordinal));
        await steps.CompleteAsync("chief", caseId, "decide", "penalty", new { penaltyDecision = "没收违法所得并处罚款十万元", decisionNumber = "城市监罚〔2026〕15号" });
        Assert.Equal("decided", (string)(await steps.CaseAsync(caseId))["status"]!);
        Assert.Equal("met", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
    }

    [Fact]
    public async Task NoPenalty_NeedsTheGround_ThenIsServedAndClosed()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await steps.UpToDecisionAsync();
        var decide = await steps.TaskAsync("chief", caseId, "decide");

        var withoutGround = await chief.CompleteAsync((string)decide["id"]!, "no-penalty");
        Assert.Equal(HttpStatusCode.BadRequest, withoutGround.StatusCode);
        Assert.True((await withoutGround.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.noPenaltyGround"));

        await steps.CompleteAsync("chief", caseId, "decide", "no-penalty", new { noPenaltyGround = "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）" });
        var decided = await steps.CaseAsync(caseId);
        Assert.Equal("decided", (string)decided["status"]!);
        Assert.Contains(decided["timeline"]!.AsArray(), e => ((string?)e!["details"] ?? "").Contains("不予行政处罚", StringComparison.Ordinal));
        await steps.CompleteAsync("handler1", caseId, "serveNoPenalty", "served", new { serviceMethod = "邮寄送达" });
        await steps.CompleteAsync("chief", caseId, "closeCase", "closed", new { closingGround = "作出不予行政处罚决定（第七十七条第四项）" });
        Assert.Equal("closed", (string)(await steps.CaseAsync(caseId))["status"]!);
    }
}
