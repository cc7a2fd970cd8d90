using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The complaint process of Order 121 driven through the API: every path from registration to closure.</summary>
public sealed class ComplaintLibraryTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static object ComplaintFrom(string phone, string address = "城关区解放路 88 号", string? platformAddress = null, string description = "电热水壶使用两次后漏电，商家拒绝退货。", bool odr = false) => new
    {
        kind = "complaint",
        channel = "platform",
        complainant = new { name = "刘洋", phone, email = "liu@example.org", address = "城关区人民路 12 号" },
        respondent = new { name = "城关家电商行", address, platformName = platformAddress is null ? null : "某某购物平台", platformAddress },
        category = "家用电器",
        subject = "电热水壶漏电",
        description,
        amountInvolved = 199.0,
        odr,
    };

    private static string Phone() => "137" + Random.Shared.Next(10_000_000, 99_999_999);

    [Fact]
    public async Task Intake_WithoutTheFacts_Returns400NamingTheField_ButMissingAddressesAreNotRefused()
    {
        var intake = await app.ClientForAsync("intake");
        var response = await intake.PostAsJsonAsync("/api/cases", new
        {
            kind = "complaint", channel = "hotline",
            complainant = new { name = "刘洋", phone = "13800138000" },
            respondent = new { name = "城关家电商行" },
            category = "家用电器", subject = "漏电", description = " ",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("description"));
        Assert.False(errors.ContainsKey("complainant.address"));
        Assert.False(errors.ContainsKey("respondent.address"));
    }

    [Fact]
    public async Task Complaint_Agreement_PrefillsOfficeFromDistrictTable_RecordsMoneyAndSatisfaction()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(ComplaintFrom(Phone())))["id"]!;
        Assert.Equal("office-1", (string)(await intake.GetCaseAsync(caseId))["links"]!["suggestedOfficeId"]!);

        await intake.StepAsync(caseId, "decideAcceptance", "accept"); // officeId left out: the suggestion applies
        Assert.Equal("office-1", (string)(await intake.GetCaseAsync(caseId))["officeId"]!);
        var withoutConsent = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "mediate"), "agreement", new { mediationResult = "退款", recoveredAmount = 199, mediationDocument = "issued" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutConsent.StatusCode);
        Assert.True((await withoutConsent.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.consent"));
        await handler.StepAsync(caseId, "mediate", "agreement", CaseSteps.Agreement(199m));

        var badRating = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "returnVisit"), "rated", new { satisfaction = "happy" });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);
        Assert.True((await badRating.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.satisfaction"));
        await handler.StepAsync(caseId, "returnVisit", "rated", new { satisfaction = "satisfied" });

        var closed = await intake.GetCaseAsync(caseId);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Equal(199m, (decimal)closed["recoveredAmount"]!);
        Assert.Equal("satisfied", (string)closed["satisfaction"]!);
        Assert.Empty(closed["tasks"]!.AsArray());
    }

    [Fact]
    public async Task Complaint_Refusal_OnlyOnAnArticle16Ground()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateAsync(ComplaintFrom(Phone())))["id"]!;
        var taskId = await intake.TaskAtAsync(caseId, "decideAcceptance");

        var unknown = await intake.CompleteAsync(taskId, "refuse", new { refusalGround = "dislike", refusalReason = "理由" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.refusalGround"));

        await intake.StepAsync(caseId, "decideAcceptance", "refuse", new { refusalGround = "time-barred", refusalReason = "购买于 2021 年，已超过三年" });
        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal("refused", (string)view["status"]!);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "StatusChanged" && ((string?)e["details"] ?? "").Contains("time-barred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complaint_Termination_OpensNoticeTaskOnTheSevenWorkingDayRule()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(ComplaintFrom(Phone())))["id"]!;
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
        await handler.StepAsync(caseId, "mediate", "terminated");

        var view = await intake.GetCaseAsync(caseId);
        Assert.Contains(view["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "complaint.termination-notice" && (string)d["state"]! == "running" && (string)d["rule"]! == "7wd");
        var noGround = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "terminationNotice"), "notified", new { terminationReason = "被投诉人拒绝调解" });
        Assert.Equal(HttpStatusCode.BadRequest, noGround.StatusCode);
        await handler.StepAsync(caseId, "terminationNotice", "notified", new { terminationGround = "refused-or-absent", terminationReason = "被投诉人拒绝调解" });
        await handler.StepAsync(caseId, "returnVisit", "unreachable");

        var closed = await intake.GetCaseAsync(caseId);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Contains(closed["timeline"]!.AsArray(), e => (string)e!["event"]! == "EmailQueued" && ((string?)e["details"] ?? "").Contains("终止调解告知书", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complaint_TestingSuspendsMediation_AndResumingRestartsIt()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(ComplaintFrom(Phone())))["id"]!;
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
        var deadline = (await intake.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.mediation")!;
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}";

        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"{path}/suspend", new { reason = "样品送检", kind = "Testing" })).StatusCode);
        Assert.Equal("suspended", (string)(await intake.GetCaseAsync(caseId))["status"]!);
        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsJsonAsync($"{path}/resume", new { reason = "检验报告已出" })).StatusCode);
        Assert.Equal("mediating", (string)(await intake.GetCaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Complaint_ViolationClueInMediation_OpensLinkedReportWithItsOwnClock()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var created = await intake.CreateAsync(ComplaintFrom(Phone()));
        var caseId = (string)created["id"]!;
        await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });

        var message = await handler.PostAsJsonAsync("/api/messages", new { name = "violation-clue", correlationKey = (string)created["number"]!, variables = new { clueDescription = "调解中发现该商行销售的电热水壶无 3C 认证标志" } });
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);

        var complaint = await intake.GetCaseAsync(caseId);
        Assert.Equal("mediating", (string)complaint["status"]!);
        Assert.Contains(complaint["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "mediate");
        var linked = Assert.Single(complaint["links"]!["linkedCases"]!.AsArray());
        Assert.Equal("report", (string)linked!["kind"]!);
        var reportId = (string)linked["id"]!;
        var report = await intake.GetCaseAsync(reportId);
        Assert.Equal(caseId, (string)report["links"]!["parentCaseId"]!);
        Assert.Equal("office-1", (string)report["links"]!["suggestedOfficeId"]!);

        await intake.StepAsync(reportId, "forwardReport", "forward");
        var verifying = await intake.GetCaseAsync(reportId);
        Assert.Equal("verifying", (string)verifying["status"]!);
        Assert.Contains(verifying["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "report.verification" && (string)d["rule"]! == "15wd");
    }

    [Fact]
    public async Task Complaint_OdrSettled_ClosesWithoutTheRegulator_OdrReturned_GoesToAcceptance()
    {
        var intake = await app.ClientForAsync("intake");
        var settled = await intake.CreateAsync(ComplaintFrom(Phone(), odr: true));
        var returned = await intake.CreateAsync(ComplaintFrom(Phone(), odr: true));
        Assert.Empty((await intake.GetCaseAsync((string)settled["id"]!))["tasks"]!.AsArray());

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsJsonAsync("/api/messages", new { name = "odr-settled", correlationKey = (string)settled["number"]!, variables = new { odrResult = "商家退款 199 元" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsJsonAsync("/api/messages", new { name = "odr-returned", correlationKey = (string)returned["number"]! })).StatusCode);

        Assert.Equal("closed", (string)(await intake.GetCaseAsync((string)settled["id"]!))["status"]!);
        var back = await intake.GetCaseAsync((string)returned["id"]!);
        Assert.Equal("registered", (string)back["status"]!);
        Assert.NotNull(back["links"]!["regulatorReceivedAt"]);
        Assert.Contains(back["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decideAcceptance");
    }

    [Fact]
    public async Task Complaint_Article17Signs_AreShownAsWarnings_AndDecideNothing()
    {
        var intake = await app.ClientForAsync("intake");
        var phone = Phone();
        const string Text = "购买的食品已过保质期，要求退一赔十，支付价款十倍赔偿。";
        JsonObject last = [];
        for (var i = 0; i < 5; i++)
        {
            last = await intake.CreateAsync(ComplaintFrom(phone, description: Text));
        }

        var view = await intake.GetCaseAsync((string)last["id"]!);
        var codes = view["warnings"]!.AsArray().Select(w => (string)w!["code"]!).ToList();
        Assert.Contains("frequent-complainant", codes);
        Assert.Contains("templated-text", codes);
        Assert.DoesNotContain("punitive-claims", codes); // demanding punitive damages is a consumer's right (Consumer Law Art. 55), not a sign
        Assert.Equal("registered", (string)view["status"]!);
        Assert.Contains(view["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decideAcceptance");
        var first = await intake.CreateAsync(ComplaintFrom(Phone(), description: "独一无二的事实描述 " + Guid.NewGuid()));
        Assert.Empty((await intake.GetCaseAsync((string)first["id"]!))["warnings"]!.AsArray());
    }

    [Fact]
    public async Task MixedSubmission_BecomesComplaintAndLinkedReport_InOneIdempotentIntake()
    {
        var intake = await app.ClientForAsync("intake");
        var body = new
        {
            kind = "mixed", channel = "letter",
            complainant = new { name = "刘洋", phone = Phone(), address = "城关区人民路 12 号" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            category = "家用电器", subject = "漏电并销售无认证产品", description = "电热水壶漏电要求退货，并举报其销售无 3C 标志产品。",
        };
        var key = "mixed-" + Guid.NewGuid().ToString("N");

        var created = await intake.CreateAsync(body, key);
        var again = await intake.CreateAsync(body, key);

        Assert.Equal((string)created["id"]!, (string)again["id"]!);
        var report = Assert.Single(created["linkedCases"]!.AsArray())!;
        Assert.Equal((string)report["id"]!, (string)Assert.Single(again["linkedCases"]!.AsArray())!["id"]!);
        Assert.StartsWith("TS", (string)created["number"]!, StringComparison.Ordinal);
        Assert.StartsWith("JB", (string)report["number"]!, StringComparison.Ordinal);
        var reportView = await intake.GetCaseAsync((string)report["id"]!);
        Assert.Equal((string)created["id"]!, (string)reportView["links"]!["parentCaseId"]!);
        Assert.Contains(reportView["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "forwardReport");
        Assert.Contains((await intake.GetCaseAsync((string)created["id"]!))["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decideAcceptance");
    }

    [Fact]
    public async Task Jurisdictions_AdminTable_DecidesSuggestion_PlatformAddressForOnlineSellers()
    {
        var admin = await app.ClientForAsync("admin");
        var intake = await app.ClientForAsync("intake");
        Assert.Equal("configured", (string)(await admin.GetFromJsonAsync<JsonObject>("/api/admin/jurisdictions"))!["source"]!);
        var online = await intake.CreateAsync(ComplaintFrom(Phone(), address: "外省某市某路 1 号", platformAddress: "开发区创业大道 1 号"));
        Assert.Equal("office-2", (string)(await intake.GetCaseAsync((string)online["id"]!))["links"]!["suggestedOfficeId"]!);

        var bad = await admin.PutAsJsonAsync("/api/admin/jurisdictions", new[] { new { district = "城关区", officeId = "office-9" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("[0].officeId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.PutAsJsonAsync("/api/admin/jurisdictions", Array.Empty<object>())).StatusCode);

        var put = await admin.PutAsJsonAsync("/api/admin/jurisdictions", new[] { new { district = "解放路", officeId = "office-2" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var moved = await intake.CreateAsync(ComplaintFrom(Phone()));
        Assert.Equal("office-2", (string)(await intake.GetCaseAsync((string)moved["id"]!))["links"]!["suggestedOfficeId"]!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/jurisdictions", Array.Empty<object>())).StatusCode);
    }
}
