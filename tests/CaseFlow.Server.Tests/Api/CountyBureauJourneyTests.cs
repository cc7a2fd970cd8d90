using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Issue 5's acceptance check: a county bureau runs a complaint and a report through the built-in processes only
/// (complaint; report → 立案 → enforcement → police-transfer), from receipt to closure, through the API, and the
/// statistics summary for the day counts exactly what was done and says it in the report's sentences.
/// </summary>
public sealed class CountyBureauJourneyTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task AComplaintAndAReportTransferredToThePolice_AreCountedInTheSummaryAndItsNarrative()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var legal = await app.ClientForAsync("legal");

        // 投诉: accepted, mediated to an agreement recovering 1,200 yuan, return visit satisfied, closed.
        var complaint = await intake.CreateAsync(Requests.Complaint());
        var complaintId = (string)complaint["id"]!;
        await intake.StepAsync(complaintId, "decideAcceptance", "accept", new { officeId = "office-1" });
        await handler.StepAsync(complaintId, "mediate", "agreement", CaseSteps.Agreement(recovered: 1200m));
        await handler.StepAsync(complaintId, "returnVisit", "rated", new { satisfaction = "satisfied" });
        Assert.Equal("closed", (string)(await intake.GetCaseAsync(complaintId))["status"]!);

        // 举报 of out-of-date food: verified and 立案, the general procedure up to the decision, transferred to the police.
        var report = await intake.CreateAsync(new
        {
            kind = "report",
            channel = "hotline",
            complainant = new { name = "周涛", phone = "13900139000", address = "城关区建设路 5 号" },
            respondent = new { name = "城关副食品商店", address = "城关区解放路 20 号" },
            category = "食品",
            subject = "销售过期食品",
            description = $"该店货架上摆放已过保质期的酸奶十余盒（{Guid.NewGuid():N}）。",
        });
        var reportId = (string)report["id"]!;
        var number = (string)report["number"]!;
        await intake.StepAsync(reportId, "forwardReport", "forward", new { officeId = "office-1" });
        await handler.StepAsync(reportId, "verifyReport", "file", new
        {
            caseSource = "report",
            party = "城关副食品商店",
            factsSummary = "现场查见超过保质期的酸奶 14 盒",
            legalBasis = "《中华人民共和国食品安全法》第三十四条",
            proposedHandler1 = "李强",
            proposedHandler2 = "王芳",
        });
        await chief.StepAsync(reportId, "approveFiling", "approve");
        await handler.StepAsync(reportId, "investigate", "concluded", new { evidence = "现场检查笔录、照片、进货单据", investigationReport = "当事人销售超过保质期的食品，涉嫌犯罪" });
        await legal.StepAsync(reportId, "review", "approve", new { reviewOpinion = "涉嫌生产、销售不符合安全标准的食品罪，应当移送" });
        await handler.StepAsync(reportId, "serveNotice", "served", new { noticeNumber = "城市监罚告〔2026〕12号", proposedPenalty = "没收违法所得并处罚款五万元" });
        await handler.StepAsync(reportId, "partyStatement", "waived");
        await chief.StepAsync(reportId, "decide", "transfer", new { transferReason = "涉嫌生产、销售不符合安全标准的食品罪" });

        // Order 310: the head approves, the five documents go as a sealed package, the police open a criminal case.
        foreach (var item in new[] { "transfer-letter", "investigation-report", "goods-list", "test-report" })
        {
            var uploaded = await handler.UploadAsync(reportId, TestFiles.Pdf(item), item + ".pdf", "application/pdf", kind: "letter", transferItem: item);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        await chief.StepAsync(reportId, "approveTransfer", "approve");
        await handler.StepAsync(reportId, "handOver", "handover", new { policeAgency = "城关区公安分局", policeEmail = "police@example.org" });
        var decision = await chief.PostAsJsonAsync("/api/messages", new { name = "police-decision", correlationKey = number, variables = new { accepted = true, reason = "已立案侦查" } });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        await handler.StepAsync(reportId, "handOverGoods", "handed-over");
        await chief.StepAsync(reportId, "closeCase", "closed", new { closingGround = "已移送司法机关（第七十七条第四项）" });
        var closedReport = await chief.GetCaseAsync(reportId);
        Assert.Equal("closed", (string)closedReport["status"]!);
        Assert.NotNull(closedReport["filedAt"]);

        // The summary of the day both were received (Shanghai time), as the bureau's annual report would quote it.
        var day = DateTimeOffset.Parse((string)closedReport["receivedAt"]!, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var summary = (await chief.GetFromJsonAsync<JsonObject>($"/api/reports/summary?from={day}&to={day}"))!;

        Assert.Equal(2, (int)summary["received"]!);
        Assert.Equal(1, (int)summary["receivedByKind"]!["complaint"]!);
        Assert.Equal(1, (int)summary["receivedByKind"]!["report"]!);
        Assert.Equal(2, (int)summary["closed"]!);
        Assert.Equal(100m, (decimal)summary["closureRate"]!);
        Assert.Equal(1200m, (decimal)summary["moneyRecovered"]!);
        Assert.Equal(1, (int)summary["satisfaction"]!["rated"]!);
        Assert.Equal(1, (int)summary["casesOpened"]!);
        Assert.Equal(1, (int)summary["transferredToPolice"]!);
        var narrative = (string)summary["narrative"]!;
        Assert.Contains("共受理各类投诉举报2件（其中投诉1件，举报1件），办结2件，办结率100.0%，为消费者挽回经济损失1200元", narrative, StringComparison.Ordinal);
        Assert.Contains("立案查处各类违法案件1件", narrative, StringComparison.Ordinal);
        Assert.Contains("共向公安机关移送涉刑违法案件1件（其中食品1件）", narrative, StringComparison.Ordinal);
    }
}
