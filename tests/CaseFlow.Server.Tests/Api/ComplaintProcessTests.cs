using System.Net;
using CaseFlow.Server.Tests.Fixtures;
using MimeKit;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The built-in complaint process end to end through the API, with the emails in the pickup folder.</summary>
public sealed class ComplaintProcessTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Complaint_RunsFromIntakeToClosure_WithAcceptanceAndClosureEmails()
    {
        var intake = await app.ClientForAsync("intake");
        var handler1 = await app.ClientForAsync("handler1");
        var handler2 = await app.ClientForAsync("handler2");
        var email = $"accepted-{Guid.NewGuid():N}@example.org";
        var created = await intake.CreateComplaintAsync(email);
        var caseId = (string)created["id"]!;

        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId = "office-1" });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);

        Assert.Empty(await handler2.TasksAsync(caseId));
        var mediation = Assert.Single(await handler1.TasksAsync(caseId));
        Assert.Equal("mediate", (string)mediation!["elementId"]!);
        var afterAccept = await intake.GetCaseAsync(caseId);
        Assert.Equal("mediating", (string)afterAccept["status"]!);
        Assert.Equal("office-1", (string)afterAccept["officeId"]!);
        Assert.Contains(afterAccept["deadlines"]!.AsArray(), d => (string)d!["rule"]! == "60d" && (string)d["state"]! == "running");
        Assert.Contains(afterAccept["deadlines"]!.AsArray(), d => (string)d!["rule"]! == "7wd" && (string)d["state"]! == "met");

        var agreement = await handler1.CompleteAsync((string)mediation["id"]!, "agreement", new { consent = "both-parties", mediationResult = "商家同意退货并退款 199 元", recoveredAmount = 199, mediationDocument = "issued" });
        Assert.Equal(HttpStatusCode.OK, agreement.StatusCode);
        Assert.Equal("mediating", (string)(await intake.GetCaseAsync(caseId))["status"]!); // the return visit (回访) comes before closure
        var visit = Assert.Single(await handler1.TasksAsync(caseId));
        Assert.Equal("returnVisit", (string)visit!["elementId"]!);
        var close = await handler1.CompleteAsync((string)visit["id"]!, "rated", new { satisfaction = "very-satisfied" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        var closed = await intake.GetCaseAsync(caseId);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Empty(closed["tasks"]!.AsArray());
        var messages = await WaitForMailAsync(email, 2);
        Assert.Contains(messages, m => m.Subject!.Contains("投诉受理告知书", StringComparison.Ordinal));
        var closure = Assert.Single(messages, m => m.Subject!.Contains("已办结", StringComparison.Ordinal));
        Assert.Contains("双方达成调解协议", closure.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_Refused_SendsReasonAndOtherRoutesOfArticle39()
    {
        var intake = await app.ClientForAsync("intake");
        var email = $"refused-{Guid.NewGuid():N}@example.org";
        var created = await intake.CreateComplaintAsync(email);
        var caseId = (string)created["id"]!;

        var refuse = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "同一纠纷已由人民法院受理（第十六条第二项）" });

        Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);
        Assert.Equal("refused", (string)(await intake.GetCaseAsync(caseId))["status"]!);
        var letter = Assert.Single(await WaitForMailAsync(email, 1));
        Assert.Contains("同一纠纷已由人民法院受理", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("仲裁", letter.TextBody, StringComparison.Ordinal);
        Assert.Contains("人民法院提起诉讼", letter.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_WithoutEmail_ClosesWithoutQueuingMail()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync(email: null);
        var caseId = (string)created["id"]!;

        var refuse = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "投诉人拒绝核实身份" });

        Assert.Equal(HttpStatusCode.OK, refuse.StatusCode);
        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal("refused", (string)view["status"]!);
        Assert.DoesNotContain(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "EmailQueued");
    }

    private async Task<List<MimeMessage>> WaitForMailAsync(string recipient, int count)
    {
        var found = new List<MimeMessage>();
        await Requests.EventuallyAsync(
            () =>
            {
                found = Directory.Exists(app.PickupDirectory)
                    ? Directory.GetFiles(app.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == recipient)).ToList()
                    : [];
                return Task.FromResult(found.Count >= count);
            },
            TimeSpan.FromSeconds(15));
        Assert.Equal(count, found.Count);
        return found;
    }
}
