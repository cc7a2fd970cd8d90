using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// What a report's verification may end in besides 立案, with the built-in report and police-transfer processes, on
/// Fri 2026-07-03: a transfer to the police before 立案 (O310 Art. 5(1)), and the simple procedure decided on the spot
/// without 立案 (PPR Art. 66-70).
/// </summary>
public sealed class ReportVerificationTests(EnforcementClockApp app) : IClassFixture<EnforcementClockApp>
{
    private static readonly string[] FourItems = ["transfer-letter", "investigation-report", "goods-list", "test-report"];

    [Fact]
    public async Task Transfer_FromVerification_BeforeFiling_ApprovedByTheChiefAlone_PoliceOpenACase_ReportClosed()
    {
        var (caseId, number) = await VerifyingAsync();
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        await handler.StepAsync(caseId, "verifyReport", "transfer", new { transferReason = "核查中发现涉嫌销售假冒注册商标的商品罪" });

        // The verification period ends with the report to the chief; the chief's 3 days run (O310 Art. 5(2)).
        var reported = await chief.GetCaseAsync(caseId);
        Assert.Equal("verifying", (string)reported["status"]!);
        Assert.Equal("met", (string)Assert.Single(reported["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "report.verification")!["state"]!);
        Assert.Equal("2026-07-06", (string)Assert.Single(reported["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.approval")!["dueDate"]!);

        // Only the chief (正职负责人) approves: not the handler, not a deputy head.
        var approval = await chief.TaskAtAsync(caseId, "approveTransfer");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.CompleteAsync(approval, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("deputy1")).CompleteAsync(approval, "approve")).StatusCode);
        await chief.StepAsync(caseId, "approveTransfer", "approve");
        Assert.Contains((await chief.GetCaseAsync(caseId))["timeline"]!.AsArray(), e => (string)e!["event"]! == "TransferApproved" && ((string)e["details"]!).Contains("局长 赵刚", StringComparison.Ordinal));

        foreach (var item in FourItems)
        {
            Assert.Equal(HttpStatusCode.Created, (await handler.UploadAsync(caseId, TestFiles.Pdf(item), item + ".pdf", "application/pdf", kind: "letter", transferItem: item)).StatusCode);
        }

        await handler.StepAsync(caseId, "handOver", "handover", new { policeAgency = "城关区公安分局", policeEmail = "police@example.org" });
        var transferred = await chief.GetCaseAsync(caseId);
        Assert.Equal("transferred", (string)transferred["status"]!);
        Assert.Null(transferred["filedAt"]);
        Assert.Equal("running", (string)Assert.Single(transferred["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.police-receipt")!["state"]!);
        Assert.Equal("2026-07-06", (string)Assert.Single(transferred["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.police-decision")!["dueDate"]!);

        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync("/api/messages", new { name = "police-receipt", correlationKey = number })).StatusCode);
        Assert.Equal("met", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.police-receipt")!["state"]!);
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync("/api/messages", new { name = "police-decision", correlationKey = number, variables = new { accepted = true, reason = "已立案侦查" } })).StatusCode);

        // The police opened a case: the goods and papers follow within 3 days (Art. 12), then the report is closed.
        Assert.Equal("running", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.goods-handover")!["state"]!);
        await handler.StepAsync(caseId, "handOverGoods", "handed-over");
        var closed = await chief.GetCaseAsync(caseId);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.DoesNotContain(closed["deadlines"]!.AsArray(), d => (string)d!["state"]! == "running");
    }

    [Fact]
    public async Task Transfer_FromVerification_RefusedByTheChief_IsToldApartFromAPoliceRefusal_AndVerificationGoesOn()
    {
        var (caseId, _) = await VerifyingAsync();
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        await handler.StepAsync(caseId, "verifyReport", "transfer", new { transferReason = "疑似涉嫌犯罪" });

        await chief.StepAsync(caseId, "approveTransfer", "refuse", new { refusalReason = "涉案金额未达立案追诉标准" });

        var view = await chief.GetCaseAsync(caseId);
        Assert.Equal("verifying", (string)view["status"]!);
        Assert.Single(view["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "verifyReport");
        var refusal = Assert.Single(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "TransferNotApproved")!;
        Assert.Contains("正职负责人", (string)refusal["details"]!, StringComparison.Ordinal);
        Assert.Contains("涉案金额未达立案追诉标准", (string)refusal["details"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "PoliceDecisionRecorded");
    }

    [Fact]
    public async Task Transfer_WhileTheChiefIsAway_IsApprovedByTheHeadTheChiefEntrusted_AndSaysSo()
    {
        var (caseId, _) = await VerifyingAsync();
        var handler = await app.ClientForAsync("handler1");
        var admin = await app.ClientForAsync("admin");
        var deputy = await app.ClientForAsync("deputy1");
        await handler.StepAsync(caseId, "verifyReport", "transfer", new { transferReason = "涉嫌犯罪" });
        var approval = await (await app.ClientForAsync("chief")).TaskAtAsync(caseId, "approveTransfer");
        Assert.Equal(HttpStatusCode.Forbidden, (await deputy.CompleteAsync(approval, "approve")).StatusCode);

        // O310 Art. 5(2) "正职负责人或者主持工作的负责人": the chief away, the deputy he named presides and may decide.
        var away = await admin.PutAsJsonAsync("/api/users/chief/absence", new
        {
            deputy = "deputy1",
            from = new DateTimeOffset(2026, 7, 3, 8, 0, 0, TimeSpan.FromHours(8)),
            until = new DateTimeOffset(2026, 7, 10, 0, 0, 0, TimeSpan.FromHours(8)),
            reason = "出差",
        });
        Assert.True(away.IsSuccessStatusCode, await away.Content.ReadAsStringAsync());
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await deputy.CompleteAsync(approval, "approve")).StatusCode);
        }
        finally
        {
            await admin.DeleteAsync("/api/users/chief/absence");
        }

        var approved = Assert.Single((await deputy.GetCaseAsync(caseId))["timeline"]!.AsArray(), e => (string)e!["event"]! == "TransferApproved")!;
        Assert.Contains("副局长 钱明（受 chief 委托）", (string)approved["details"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person", "warning", null)]
    [InlineData("person", "fine", 200.0)]
    [InlineData("organisation", "fine", 3000.0)]
    public async Task SimpleProcedure_FromVerification_WithoutFiling_DecidedOnTheSpot_ThenFiledWithinSevenWorkingDays(string partyType, string penaltyType, double? proposedFine)
    {
        var (caseId, _) = await VerifyingAsync();
        var handler = await app.ClientForAsync("handler1");

        await handler.StepAsync(caseId, "verifyReport", "simple", new
        {
            factsClear = true, partyType, penaltyType, proposedFine, decisionNumber = "城市监简罚〔2026〕7号", illegalFacts = "未按规定公示营业执照",
        });

        var view = await handler.GetCaseAsync(caseId);
        Assert.Equal("decided", (string)view["status"]!);
        Assert.Null(view["filedAt"]);
        Assert.DoesNotContain(view["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "ppr.decision");
        Assert.Equal("2026-07-14", (string)Assert.Single(view["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "ppr.simple-filing")!["dueDate"]!);
        await handler.StepAsync(caseId, "fileSimpleCase", "filed");
        Assert.Equal("closed", (string)(await handler.GetCaseAsync(caseId))["status"]!);
    }

    [Theory]
    [InlineData("person", "fine", 201.0, true, "variables.proposedFine")]
    [InlineData("organisation", "fine", 3000.5, true, "variables.proposedFine")]
    [InlineData("person", "fine", null, true, "variables.proposedFine")]
    [InlineData("person", "confiscation", 100.0, true, "variables.penaltyType")]
    [InlineData("person", "warning", null, false, "variables.factsClear")]
    [InlineData("company", "warning", null, true, "variables.partyType")]
    public async Task SimpleProcedure_OutsideTheLimits_IsRefusedNamingTheField_AndVerificationStaysOpen(string partyType, string penaltyType, double? proposedFine, bool factsClear, string field)
    {
        var (caseId, _) = await VerifyingAsync();
        var handler = await app.ClientForAsync("handler1");
        var task = await handler.TaskAtAsync(caseId, "verifyReport");

        var refused = await handler.CompleteAsync(task, "simple", new
        {
            factsClear, partyType, penaltyType, proposedFine, decisionNumber = "城市监简罚〔2026〕8号", illegalFacts = "超范围经营",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        Assert.Equal("verifying", (string)(await handler.GetCaseAsync(caseId))["status"]!);
        Assert.Equal(task, await handler.TaskAtAsync(caseId, "verifyReport"));
    }

    /// <summary>A report registered and forwarded to office-1, its verification open.</summary>
    private async Task<(string CaseId, string Number)> VerifyingAsync()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(CaseSteps.Report(phone: "13800001111", description: $"销售假冒注册商标的运动鞋（{Guid.NewGuid():N}）。"));
        var caseId = (string)created["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        return (caseId, (string)created["number"]!);
    }
}
