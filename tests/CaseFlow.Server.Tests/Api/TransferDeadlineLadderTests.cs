using System.Net;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Order 310's periods have warnings and escalations like every other deadline, addressed to the office-holders of the
/// directory rather than to a fixed address: the chief's 3 days (督办 to the chief), and after the hand-over the police's
/// 24-hour receipt (the handling office reminded) and 3 days to decide (督办 to the office's head).
/// </summary>
public sealed class TransferDeadlineLadderTests
{
    private static readonly string[] FourItems = ["transfer-letter", "investigation-report", "goods-list", "test-report"];

    [Fact]
    public async Task O310Deadlines_Escalate_ToTheChiefAndTheOfficeFromTheDirectory()
    {
        await using var app = new LadderApp();

        // Mon 2026-12-07: a report in verification is reported to the chief for transfer; the chief lets the 3 days pass.
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(CaseSteps.Report(phone: "13800002222", description: $"销售假冒注册商标的白酒（{Guid.NewGuid():N}）。"));
        var caseId = (string)created["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        await (await app.ClientForAsync("handler1")).StepAsync(caseId, "verifyReport", "transfer", new { transferReason = "涉嫌销售假冒注册商标的商品罪" });
        var approval = await DeadlineIdAsync(app, caseId, "o310.approval");

        app.MoveTo(new DateTime(2026, 12, 11, 9, 0, 0));
        await app.SweepAsync();
        var supervision = Assert.Single(await app.EscalationsAsync(caseId), e => e.DeadlineId == approval && e.Kind == EscalationKind.SupervisionItem);
        Assert.Equal("bureau-chief", supervision.Role);
        Assert.Equal("chief", supervision.Recipients);
        Assert.Contains(await app.EmailsAsync(caseId, "【督办】"), m => m.To == "chief@caseflow.example" && m.Body.Contains("第五条第二款", StringComparison.Ordinal));

        // Late, the chief approves; the office hands over the same day; the police then neither sign nor decide.
        var chief = await app.ClientForAsync("chief");
        var handler = await app.ClientForAsync("handler1");
        await chief.StepAsync(caseId, "approveTransfer", "approve");
        foreach (var item in FourItems)
        {
            Assert.Equal(HttpStatusCode.Created, (await handler.UploadAsync(caseId, TestFiles.Pdf(item), item + ".pdf", "application/pdf", kind: "letter", transferItem: item)).StatusCode);
        }

        await handler.StepAsync(caseId, "handOver", "handover", new { policeAgency = "城关区公安分局" });
        var receipt = await DeadlineIdAsync(app, caseId, "o310.police-receipt");
        var policeDecision = await DeadlineIdAsync(app, caseId, "o310.police-decision");

        app.MoveTo(new DateTime(2026, 12, 15, 9, 0, 0));
        await app.SweepAsync();
        var fired = await app.EscalationsAsync(caseId);
        var reminder = Assert.Single(fired, e => e.DeadlineId == receipt && e.Kind == EscalationKind.Remind);
        Assert.Contains("handler1", reminder.Recipients.Split(','));
        var decisionItem = Assert.Single(fired, e => e.DeadlineId == policeDecision && e.Kind == EscalationKind.SupervisionItem);
        Assert.Equal("office-head", decisionItem.Role);
        Assert.Equal("chief", decisionItem.Recipients); // 所长 of office-1 in the demo directory
        Assert.Contains(await app.EmailsAsync(caseId, "【督办】"), m => m.To == "chief@caseflow.example" && m.Body.Contains("第八条", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.EmailsAsync(caseId, ""), m => m.To.Contains("police", StringComparison.Ordinal) && m.Subject.StartsWith('【'));
    }

    private static async Task<Guid> DeadlineIdAsync(LadderApp app, string caseId, string ruleCode)
    {
        var view = await (await app.ClientForAsync("chief")).GetCaseAsync(caseId);
        return Guid.Parse((string)view["deadlines"]!.AsArray().Last(d => (string?)d!["ruleCode"] == ruleCode)!["id"]!);
    }
}
