using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Registration is not acceptance (O121 Art. 15–16, rules.md §1.1b): whatever arrives is registered with its receipt
/// date and clock; missing Art. 10 materials are warnings that a person weighs at the acceptance review, where they ask
/// for 补正 or refuse under Art. 16(5) with the letter. Citations follow the rules in force on the receipt date.
/// </summary>
public sealed class RegistrationTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static readonly BusinessCalendar Calendar = new();

    [Fact]
    public async Task ComplaintWithoutAddress_IsRegistered_WithItsWarningAndSevenWorkingDayClock()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(new
        {
            kind = "complaint", channel = "hotline", receivedAt = "2026-11-19T10:00:00+08:00",
            complainant = new { name = "刘洋", phone = "13800138000", email = "liu@example.org" },
            respondent = new { name = "城关家电商行" },
            description = "电热水壶漏电，商家拒绝退货。",
        });

        var view = await intake.GetCaseAsync((string)created["id"]!);
        Assert.Equal("registered", (string)view["status"]!);
        var factors = view["warnings"]!.AsArray().Select(w => (string)w!["factor"]!).ToList();
        Assert.Contains("缺少投诉人地址（第十条）", factors);
        Assert.Contains("缺少被投诉人地址（第十条）", factors);
        var acceptance = view["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        Assert.Equal("2026-11-30", (string)acceptance["dueDate"]!); // Thu 11-19 + 7 working days
        var task = view["tasks"]!.AsArray().Single(t => (string)t!["elementId"]! == "decideAcceptance")!;
        Assert.Contains("request-correction", task["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.NotNull(task["dueAt"]);
        Assert.Equal("其他", (string)view["category"]!);                 // left out at intake: a default, not a refusal
        Assert.Equal("电热水壶漏电，商家拒绝退货。", (string)view["subject"]!); // the facts' first line stands in for a title
    }

    [Fact]
    public async Task ComplaintWithoutAddress_RefusedUnderArticle16Item5_GetsTheLetterWithReasons()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateAsync(new
        {
            kind = "complaint", channel = "letter",
            complainant = new { name = "刘洋", email = "liu@example.org" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "电热水壶漏电。",
        }))["id"]!;

        await intake.StepAsync(caseId, "decideAcceptance", "refuse", new { refusalGround = "materials-missing-or-false", refusalReason = "经通知补正，投诉人仍未提供联系电话和地址。" });

        Assert.Equal("refused", (string)(await intake.GetCaseAsync(caseId))["status"]!);
        var letter = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉不予受理告知书", StringComparison.Ordinal));
        Assert.Contains("《市场监督管理投诉举报处理办法》第十六条第五项", letter.Body, StringComparison.Ordinal);
        Assert.Contains("不予受理的理由：经通知补正，投诉人仍未提供联系电话和地址。", letter.Body, StringComparison.Ordinal);
        Assert.Contains("消费者权益保护法》第三十九条", letter.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("暂行办法", letter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_SendsTheLetter_RecordsTheAnswer_AndKeepsOneAcceptanceDeadline()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateAsync(new
        {
            kind = "complaint", channel = "platform",
            complainant = new { name = "刘洋", phone = "13800138000", email = "liu@example.org" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "电热水壶漏电。",
        }))["id"]!;
        var dueBefore = (string)(await intake.GetCaseAsync(caseId))["deadlines"]![0]!["dueDate"]!;

        await intake.StepAsync(caseId, "decideAcceptance", "request-correction", new { correctionItems = "投诉人的通讯地址" });
        var letter = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉材料补正通知", StringComparison.Ordinal));
        Assert.Contains("投诉人的通讯地址", letter.Body, StringComparison.Ordinal);
        Assert.Contains("第十条", letter.Body, StringComparison.Ordinal);
        Assert.Contains("第十六条第五项", letter.Body, StringComparison.Ordinal);

        var waiting = await intake.GetCaseAsync(caseId);
        var answerTask = waiting["tasks"]!.AsArray().Single(t => (string)t!["elementId"]! == "awaitCorrection")!;
        Assert.Equal(dueBefore, Calendar.ToLocalDate(DateTimeOffset.Parse((string)answerTask["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await intake.StepAsync(caseId, "awaitCorrection", "supplied", new { correctionAnswer = "投诉人电话补充：地址为城关区人民路 12 号" });

        var back = await intake.GetCaseAsync(caseId);
        Assert.Contains(back["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decideAcceptance");
        var acceptance = Assert.Single(back["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        Assert.Equal("running", (string)acceptance["state"]!);
        Assert.Equal(dueBefore, (string)acceptance["dueDate"]!); // counted from receipt, never restarted by 补正
        var events = back["timeline"]!.AsArray().Select(e => (string)e!["event"]!).ToList();
        Assert.Contains("CorrectionRequested", events);
        Assert.Contains("CorrectionAnswered", events);
    }

    [Fact]
    public async Task SuppliedMaterials_ClearTheirWarnings_AndTheLettersGoToTheAddressNowGiven()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(new
        {
            kind = "complaint", channel = "hotline",
            complainant = new { name = "刘洋" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "电热水壶漏电。",
        }))["id"]!;
        var body = new { complainant = new { phone = "13800138000", address = "城关区人民路 12 号", email = "liu.new@example.org" }, note = "电话回访补正" };

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync($"/api/cases/{caseId}/materials", body)).StatusCode);
        var bad = await intake.PutAsJsonAsync($"/api/cases/{caseId}/materials", new { complainant = new { email = "a@x.org, b@y.org" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("complainant.email"));
        Assert.Equal(HttpStatusCode.OK, (await intake.PutAsJsonAsync($"/api/cases/{caseId}/materials", body)).StatusCode);

        var view = await intake.GetCaseAsync(caseId);
        Assert.DoesNotContain(view["warnings"]!.AsArray(), w => ((string)w!["code"]!).StartsWith("missing-", StringComparison.Ordinal));
        var supplied = Assert.Single(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "MaterialsSupplied")!;
        Assert.DoesNotContain("人民路", (string)supplied["details"]!, StringComparison.Ordinal); // names what was supplied, never the values
        await intake.StepAsync(caseId, "decideAcceptance", "accept");
        var acceptance = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉受理告知书", StringComparison.Ordinal));
        Assert.Equal("liu.new@example.org", acceptance.To);
    }

    [Fact]
    public async Task AnonymousReport_IsRegistered_AndQueuesNoNotice()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(new
        {
            kind = "report", channel = "hotline",
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "来电人不愿留姓名：该店销售无3C标志的电热水壶。",
        });

        var view = await intake.GetCaseAsync((string)created["id"]!);
        Assert.True((bool)view["anonymous"]!);
        Assert.Equal("", (string)view["complainant"]!["name"]!);
        Assert.Contains(view["warnings"]!.AsArray(), w => (string)w!["code"]! == "anonymous-report");
        Assert.NotEmpty(view["tasks"]!.AsArray());
        Assert.Empty(await EmailsAsync((string)created["id"]!));
    }

    [Fact]
    public async Task AnonymousReport_RunsToFiling_ByTheHead_WithNoNoticeAnywhere()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var caseId = (string)(await intake.CreateAsync(new
        {
            kind = "report", channel = "letter",
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "匿名来信：该店销售无3C标志的电热水壶。",
        }))["id"]!;

        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        await handler.StepAsync(caseId, "verifyReport", "file", new
        {
            caseSource = "report", party = "城关家电商行", factsSummary = "现场查见无 3C 标志电热水壶 12 台",
            legalBasis = "《强制性产品认证管理规定》第二条", proposedHandler1 = "李强", proposedHandler2 = "王芳",
        });
        var approval = await chief.TaskAtAsync(caseId, "approveFiling");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.CompleteAsync(approval, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chief.CompleteAsync(approval, "approve")).StatusCode);

        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal("filed", (string)view["status"]!);
        Assert.True((bool)view["anonymous"]!);
        Assert.Empty(await EmailsAsync(caseId));
    }

    [Fact]
    public async Task ReportWithNoRespondentAndNoReporter_IsRegistered_ComplaintWithoutRespondent_Is400()
    {
        var intake = await app.ClientForAsync("intake");
        var report = await intake.PostAsJsonAsync("/api/cases", new { kind = "report", channel = "letter", description = "匿名来信：某菜市场有商户使用不合格电子秤。" });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);

        var complaint = await intake.PostAsJsonAsync("/api/cases", new { kind = "complaint", channel = "letter", description = "买到的鞋子开胶。" });
        Assert.Equal(HttpStatusCode.BadRequest, complaint.StatusCode);
        var errors = (await complaint.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("respondent"));
    }

    [Theory]
    [InlineData("inspection", "城关区市场监管局双随机一公开抽查任务（2026-11）", "检查记录 2026-088")]
    [InlineData("sampling", "2026 年第四季度食品抽检", "检验报告 SP2026-1207")]
    [InlineData("transfer", "城关区税务局", "城税移〔2026〕12号")]
    [InlineData("assigned", "市市场监督管理局", "市监交〔2026〕5号")]
    public async Task CluesFromOtherSources_AreRegistered_WithTheirSourceDocument(string channel, string organisation, string reference)
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(new
        {
            kind = "report", channel,
            respondent = new { name = "城关食品店" },
            description = "抽查发现销售超过保质期的食品。",
            source = new { organisation, reference, date = "2026-11-30" },
        });

        var view = await intake.GetCaseAsync((string)created["id"]!);
        Assert.Equal(organisation, (string)view["source"]!["organisation"]!);
        Assert.Equal(reference, (string)view["source"]!["reference"]!);
        Assert.DoesNotContain(view["warnings"]!.AsArray(), w => (string)w!["code"]! is "missing-source" or "anonymous-report");
        Assert.NotEmpty(view["tasks"]!.AsArray());
    }

    [Fact]
    public async Task TransferWithoutItsLetterNumber_IsRegisteredWithAWarning_AndInspectionComplaintIs400()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(new { kind = "report", channel = "transfer", respondent = new { name = "城关食品店" }, description = "税务局移送的线索。" });
        var view = await intake.GetCaseAsync((string)created["id"]!);
        Assert.Contains(view["warnings"]!.AsArray(), w => (string)w!["code"]! == "missing-source" && ((string)w["factor"]!).Contains("移送函文号", StringComparison.Ordinal));

        var complaint = await intake.PostAsJsonAsync("/api/cases", new { kind = "complaint", channel = "inspection", respondent = new { name = "城关食品店" }, description = "检查发现。" });
        Assert.Equal(HttpStatusCode.BadRequest, complaint.StatusCode);
        Assert.True((await complaint.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("channel"));
    }

    [Theory]
    [InlineData("2026-04-14T10:00:00+08:00", "《市场监督管理投诉举报处理暂行办法》", "第九条", "第十五条第五项")]
    [InlineData("2026-04-15T10:00:00+08:00", "《市场监督管理投诉举报处理办法》", "第十条", "第十六条第五项")]
    public async Task Citations_FollowTheRulesInForceOnTheReceiptDate(string receivedAt, string rules, string materialsArticle, string refusalItem)
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateAsync(new
        {
            kind = "complaint", channel = "letter", receivedAt,
            complainant = new { name = "刘洋", email = "liu@example.org" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            description = "电热水壶漏电。",
        }))["id"]!;

        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal($"必备材料（{rules}{materialsArticle}）", (string)view["legalTexts"]!["materialsChecklistTitle"]!);
        Assert.Contains(view["warnings"]!.AsArray(), w => (string)w!["factor"]! == $"缺少投诉人地址（{materialsArticle}）");
        Assert.Contains(refusalItem[..5], (string)view["legalTexts"]!["notConsumptionRefusalReason"]!, StringComparison.Ordinal);

        await intake.StepAsync(caseId, "decideAcceptance", "refuse", new { refusalGround = "materials-missing-or-false", refusalReason = "未提供地址。" });
        var letter = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉不予受理告知书", StringComparison.Ordinal));
        Assert.Contains(rules + refusalItem, letter.Body, StringComparison.Ordinal);
    }

    private Task<List<StoredOutboxMessage>> EmailsAsync(string caseId) => app.EmailsOfCaseAsync(caseId);
}
