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
    private static readonly string[] ChiefAlone = ["chief"];
    private static readonly string[] ChiefAndHandler = ["chief", "handler1"];
    private static readonly string[] AllHeads = ["chief", "deputy1", "deputy2"];

    private readonly EnforcementSteps steps = new(app);

    [Fact]
    public async Task GeneralProcedure_RunsFromFilingToClosure_WithEveryDeadlineCountedByItsRule()
    {
        var caseId = await steps.OpenCaseAsync();
        Assert.Equal("filed", (string)(await steps.CaseAsync(caseId))["status"]!);

        // A case opened (立案) is on the general procedure: the decision period runs from the start.
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

        // The decision is the heads': a handler is refused (403), and a penalty needs their collective discussion on record.
        var handler = await app.ClientForAsync("handler1");
        var decideTask = (string)(await steps.TaskAsync("chief", caseId, "decide"))["id"]!;
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/tasks/{decideTask}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.CompleteAsync(decideTask, "penalty", EnforcementSteps.Penalty("罚款五万元", "X"))).StatusCode);
        var chief = await app.ClientForAsync("chief");
        var alone = await chief.CompleteAsync(decideTask, "penalty", new { penaltyDecision = "罚款五万元", decisionNumber = "城市监罚〔2026〕12号", discussionParticipants = ChiefAlone, discussionConclusion = "同意", discussionDate = "2026-07-03" });
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.True((await alone.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.discussionParticipants"));
        var outsider = await chief.CompleteAsync(decideTask, "penalty", new { penaltyDecision = "罚款五万元", decisionNumber = "城市监罚〔2026〕12号", discussionParticipants = ChiefAndHandler, discussionConclusion = "同意", discussionDate = "2026-07-03" });
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);

        await steps.CompleteAsync("chief", caseId, "decide", "penalty", EnforcementSteps.Penalty("罚款五万元", "城市监罚〔2026〕12号"));
        var decided = await steps.CaseAsync(caseId);
        Assert.Equal("decided", (string)decided["status"]!);
        var discussion = Assert.Single(decided["timeline"]!.AsArray(), e => (string)e!["event"]! == "CollectiveDiscussion")!;
        Assert.Contains("局长 赵刚、副局长 钱明", (string)discussion["details"]!, StringComparison.Ordinal);
        Assert.Contains("2026-07-03", (string)discussion["details"]!, StringComparison.Ordinal);
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
    public async Task DecisionPeriod_FirstExtensionByAHead_FurtherOnesByCollectiveDiscussionForTheReasonablePeriodItSets()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await steps.OpenCaseAsync();
        var path = $"/api/cases/{caseId}/deadlines/{(await steps.DeadlineAsync(caseId, "ppr.decision"))["id"]}/extend";
        var discussion = new { participants = AllHeads, conclusion = "案情特别复杂，同意继续延期", date = "2026-07-03" };

        // Only the bureau's heads in the directory approve: not a handler, not an administrator, not by typing a name.
        foreach (var user in new[] { "handler1", "admin" })
        {
            var refused = await (await app.ClientForAsync(user)).PostAsJsonAsync(path, new { reason = "需补充鉴定", approvedBy = "局长 赵刚", approval = "OfficeHead" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var collectiveFirst = await chief.PostAsJsonAsync(path, new { reason = "案情复杂", approval = "CollectiveDecision", discussion, amount = 30 });
        Assert.Equal(HttpStatusCode.Conflict, collectiveFirst.StatusCode);

        var first = await (await app.ClientForAsync("deputy1")).PostAsJsonAsync(path, new { reason = "需补充鉴定", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("2026-11-09", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["dueDate"]!); // +30 = Sat 11-07 → Mon

        var headAgain = await chief.PostAsJsonAsync(path, new { reason = "仍需调查", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.Conflict, headAgain.StatusCode);
        Assert.Contains("CollectiveDecision", (string)(await headAgain.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);

        // The discussion is on record (two heads or more, from the directory, the recorder among them) and sets the length.
        var oneHead = await chief.PostAsJsonAsync(path, new { reason = "案情特别复杂", approval = "CollectiveDecision", discussion = new { participants = ChiefAlone, conclusion = "同意", date = "2026-07-03" }, amount = 45 });
        Assert.Equal(HttpStatusCode.BadRequest, oneHead.StatusCode);
        Assert.True((await oneHead.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("discussion.participants"));
        var noLength = await chief.PostAsJsonAsync(path, new { reason = "案情特别复杂", approval = "CollectiveDecision", discussion });
        Assert.Equal(HttpStatusCode.BadRequest, noLength.StatusCode);
        Assert.True((await noLength.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("amount"));

        var collective = await chief.PostAsJsonAsync(path, new { reason = "案情特别复杂，负责人集体讨论决定延期", approval = "CollectiveDecision", discussion, amount = 45 });
        Assert.Equal(HttpStatusCode.OK, collective.StatusCode);
        Assert.Equal("2026-12-24", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["dueDate"]!); // 11-09 + 45 days

        // No cap: a third and a fourth discussion extend again, each by the period it sets.
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync(path, new { reason = "等待鉴定结论", approval = "CollectiveDecision", discussion, days = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync(path, new { reason = "等待鉴定结论", approval = "CollectiveDecision", discussion, amount = 1 })).StatusCode);
        var extended = await steps.DeadlineAsync(caseId, "ppr.decision");
        Assert.Equal("2026-12-30", (string)extended["dueDate"]!);
        Assert.Equal(["OfficeHead", "CollectiveDecision", "CollectiveDecision", "CollectiveDecision"], extended["extensions"]!.AsArray().Select(e => (string)e!["approval"]!));
        var timeline = (await steps.CaseAsync(caseId))["timeline"]!.AsArray();
        Assert.Contains(timeline, e => (string)e!["event"]! == "DeadlineExtended" && ((string)e["details"]!).Contains("副局长 钱明", StringComparison.Ordinal));
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
        await steps.CompleteAsync("chief", caseId, "decide", "penalty", EnforcementSteps.Penalty("没收违法所得并处罚款十万元", "城市监罚〔2026〕15号"));
        Assert.Equal("decided", (string)(await steps.CaseAsync(caseId))["status"]!);
        Assert.Equal("met", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
    }

    [Fact]
    public async Task Transfer_FromTheInvestigation_BeforeAnyDecision_PoliceOpenACase_CaseIsTransferredAndClosed()
    {
        var caseId = await steps.OpenCaseAsync();

        // O310 Art. 5(1): a suspected crime found while investigating goes to the chief at once, not only at the decision.
        await steps.CompleteAsync("handler1", caseId, "investigate", "transfer", new { transferReason = "调查中发现涉案金额巨大，涉嫌销售伪劣产品罪" });
        Assert.DoesNotContain((await steps.CaseAsync(caseId))["tasks"]!.AsArray(), t => (string)t!["elementId"]! is "review" or "decide");
        await steps.CompleteAsync("chief", caseId, "policeAnswer", "recorded", new { policeDecision = "accepted" });

        Assert.Equal("transferred", (string)(await steps.CaseAsync(caseId))["status"]!);
        Assert.Equal("met", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
        await steps.CompleteAsync("chief", caseId, "closeCase", "closed", new { closingGround = "已移送司法机关（第七十七条第四项）" });
        Assert.Equal("closed", (string)(await steps.CaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Transfer_FromTheInvestigation_NotApproved_InvestigationGoesOn()
    {
        var caseId = await steps.OpenCaseAsync();
        await steps.CompleteAsync("handler1", caseId, "investigate", "transfer", new { transferReason = "疑似涉嫌犯罪" });

        await steps.CompleteAsync("chief", caseId, "policeAnswer", "recorded", new { policeDecision = "not-approved" });

        var view = await steps.CaseAsync(caseId);
        Assert.Equal("filed", (string)view["status"]!);
        Assert.Single(view["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "investigate");
        Assert.Equal("running", (string)(await steps.DeadlineAsync(caseId, "ppr.decision"))["state"]!);
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
