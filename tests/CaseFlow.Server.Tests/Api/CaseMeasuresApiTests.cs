using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Issue 16, item 5: measures recorded on a case open the deadlines the audit found missing, each counted from the
/// measure's date under its rule (the clock stands at Mon 2026-12-07; cases are entered with earlier receipt dates).
/// </summary>
public sealed class CaseMeasuresApiTests(FakeClockCaseFlowApp app) : IClassFixture<FakeClockCaseFlowApp>
{
    [Fact]
    public async Task Seizure_OpensThirtyDaysRolledPastNationalDay_ExtendedOnceByTheHead()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-09-01T10:00:00+08:00");

        var response = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "seizure", at = "2026-09-04", note = "扣押涉案电热水壶 40 台" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deadline = (await response.ReadObjectAsync())["deadlines"]!.AsArray().Single()!;
        Assert.Equal("ppr.seizure", (string)deadline["ruleCode"]!);
        Assert.Equal("2026-10-08", (string)deadline["dueDate"]!); // 30 days end on 10-04, inside National Day
        Assert.Contains("第三十八条", (string)deadline["legalBasis"]!, StringComparison.Ordinal);
        var view = await chief.GetCaseAsync(caseId);
        Assert.Contains(view["timeline"]!.AsArray(), t => (string)t!["event"]! == "MeasureRecorded" && ((string)t["details"]!).StartsWith("查封、扣押（2026-09-04）", StringComparison.Ordinal));

        var extend = await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadline["id"]}/extend", new { reason = "情况复杂", approvedBy = "局长 孙伟", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadline["id"]}/extend", new { reason = "再延长", approvedBy = "局长 孙伟", approval = "OfficeHead" })).StatusCode);
    }

    [Fact]
    public async Task FinePaidLate_SurchargeIsThreePercentADay_CappedAtTheFine_AndCountedAsFinesAndConfiscations()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-06-01T10:00:00+08:00");

        var decided = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new
        {
            kind = "penalty-decided", at = "2026-07-01", fineAmount = 5000, confiscationAmount = 2000, decisionNumber = "城市监罚〔2026〕8号", servedAt = "2026-07-06",
        });
        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        Assert.Equal("2026-07-21", (string)(await decided.ReadObjectAsync())["deadlines"]![0]!["dueDate"]!); // 15 days from receipt

        // Unpaid on 12-07: 139 days late, 3% a day would be 20,850 yuan; capped at the fine.
        var unpaid = (await chief.GetCaseAsync(caseId))["penalty"]!;
        Assert.Equal(139, (int)unpaid["daysLate"]!);
        Assert.Equal(5000m, (decimal)unpaid["surcharge"]!);
        Assert.True((bool)unpaid["surchargeCapped"]!);

        Assert.Equal(HttpStatusCode.Created, (await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "fine-paid", at = "2026-07-25" })).StatusCode);
        var view = await chief.GetCaseAsync(caseId);
        Assert.Equal(4, (int)view["penalty"]!["daysLate"]!);
        Assert.Equal(600m, (decimal)view["penalty"]!["surcharge"]!);
        Assert.Contains(view["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "ppr.payment" && (string)d["state"]! == "breached");
        Assert.Contains(view["timeline"]!.AsArray(), t => (string)t!["event"]! == "FinePaid" && ((string)t["details"]!).Contains("逾期 4 日，应加处罚款 600 元", StringComparison.Ordinal));

        var july = (await chief.GetFromJsonAsync<JsonObject>("/api/reports/summary?from=2026-07-01&to=2026-07-01"))!;
        Assert.Equal(7000m, (decimal)july["finesAndConfiscations"]!);
        Assert.Equal(5000m, (decimal)july["penalties"]!["fines"]!);
        Assert.Contains("罚没款7000元", (string)july["narrative"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HearingNotice_IsDueSevenWorkingDaysBefore_AndAHearingTooSoonIs400()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-11-02T10:00:00+08:00");

        var tooSoon = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "hearing-scheduled", hearingDate = "2026-12-10" });
        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Contains("2026-12-16", (string)(await tooSoon.ReadObjectAsync())["errors"]!["hearingDate"]![0]!, StringComparison.Ordinal);

        var ok = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "hearing-scheduled", hearingDate = "2026-12-28" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("2026-12-17", (string)(await ok.ReadObjectAsync())["deadlines"]![0]!["dueDate"]!);
    }

    [Fact]
    public async Task Reminder_OpensTenWorkingDays_ThenThreeMonthsToApplyToTheCourt()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-06-01T10:00:00+08:00");

        var response = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "enforcement-reminder", at = "2026-08-03" });

        var deadlines = (await response.ReadObjectAsync())["deadlines"]!.AsArray();
        Assert.Equal(["ppr.enforcement-reminder:2026-08-17", "ppr.court-application:2026-11-17"], deadlines.Select(d => $"{d!["ruleCode"]}:{d["dueDate"]}"));
    }

    [Fact]
    public async Task ConductDate_BeyondTheLimitation_IsAWarning_NeverARefusal()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-06-01T10:00:00+08:00");

        Assert.Equal(HttpStatusCode.OK, (await intake.PutAsJsonAsync($"/api/cases/{caseId}/conduct-date", new { conductDate = "2024-03-01" })).StatusCode);
        var view = await chief.GetCaseAsync(caseId);
        var warning = view["warnings"]!.AsArray().Single(w => (string)w!["code"]! == "limitation-expired")!;
        Assert.Contains("已超过二年", (string)warning["messageZh"]!, StringComparison.Ordinal);
        Assert.Equal("2024-03-01", (string)view["conductDate"]!);
        Assert.Equal("registered", (string)view["status"]!);

        // Life, health or financial safety with harm: five years, not yet passed.
        await chief.PutAsJsonAsync($"/api/cases/{caseId}/conduct-date", new { conductDate = "2024-03-01", seriousHarm = true });
        Assert.DoesNotContain((await chief.GetCaseAsync(caseId))["warnings"]!.AsArray(), w => (string)w!["code"]! == "limitation-expired");

        var complaint = await intake.CreateAsync(new
        {
            kind = "complaint", channel = "letter", receivedAt = "2026-06-01T10:00:00+08:00",
            complainant = new { name = "赵敏", phone = "13700137000", address = "城关区人民路 1 号" },
            respondent = new { name = "城关家电商行", address = "城关区解放路 88 号" },
            category = "家用电器", subject = "冰箱质量问题", description = $"2023年购买的冰箱不制冷（{Guid.NewGuid():N}）。",
        });
        await intake.PutAsJsonAsync($"/api/cases/{complaint["id"]}/conduct-date", new { conductDate = "2023-05-01" });
        var complaintView = await chief.GetCaseAsync((string)complaint["id"]!);
        Assert.Contains(complaintView["warnings"]!.AsArray(), w => (string)w!["code"]! == "limitation-expired" && ((string)w["messageZh"]!).Contains("第十六条第（四）项", StringComparison.Ordinal));
        Assert.NotEmpty(complaintView["tasks"]!.AsArray()); // the acceptance decision still waits for a person

        var future = await intake.PutAsJsonAsync($"/api/cases/{caseId}/conduct-date", new { conductDate = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.NotNull((await future.ReadObjectAsync())["errors"]!["conductDate"]);
    }

    [Fact]
    public async Task Measures_RefuseBadFields_OtherOffices_AndTheWrongRole()
    {
        var chief = await app.ClientForAsync("chief");
        var intake = await app.ClientForAsync("intake");
        var caseId = await ReportAsync("2026-11-02T10:00:00+08:00");
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });

        async Task<string> FieldAsync(object body)
        {
            var response = await chief.PostAsJsonAsync($"/api/cases/{caseId}/measures", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return string.Join(",", (await response.ReadObjectAsync())["errors"]!.AsObject().Select(p => p.Key));
        }

        Assert.Equal("kind", await FieldAsync(new { kind = "arrest" }));
        Assert.Equal("fineAmount", await FieldAsync(new { kind = "penalty-decided", fineAmount = "五千" }));
        Assert.Equal("at", await FieldAsync(new { kind = "seizure", at = "2027-03-01" }));
        Assert.Equal("at", await FieldAsync(new { kind = "seizure", at = "2026-10-01" })); // before receipt
        Assert.Equal("amount", await FieldAsync(new { kind = "cash-collected" }));

        var handler2 = await app.ClientForAsync("handler2");
        Assert.Equal(HttpStatusCode.NotFound, (await handler2.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "seizure" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "seizure" })).StatusCode);
        var handler1 = await app.ClientForAsync("handler1");
        Assert.Equal(HttpStatusCode.Created, (await handler1.PostAsJsonAsync($"/api/cases/{caseId}/measures", new { kind = "evidence-preserved" })).StatusCode);
    }

    [Fact]
    public async Task OpenAnyRule_Complete_AndSuspendTheDecisionPeriodForIdentification()
    {
        var chief = await app.ClientForAsync("chief");
        var caseId = await ReportAsync("2026-11-02T10:00:00+08:00");

        var opened = await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines", new { rule = "ppr.cash-remittance", startedAt = "2026-12-07" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var cash = (await opened.ReadObjectAsync())["deadlines"]![0]!;
        Assert.Equal("2026-12-09", (string)cash["dueDate"]!);
        var done = await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{cash["id"]}/complete", new { reason = "罚款已交至财务" });
        Assert.Equal("met", (string)(await done.ReadObjectAsync())["deadlines"]![0]!["state"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{cash["id"]}/complete", new { reason = "again" })).StatusCode);
        var unknown = await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines", new { rule = "ppr.no-such-rule" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.NotNull((await unknown.ReadObjectAsync())["errors"]!["rule"]);

        // PPR Art. 64: the time a rights-holder takes to identify the goods is not counted in the 90 days.
        var decision = (await (await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines", new { rule = "ppr.decision", startedAt = "2026-12-07" })).ReadObjectAsync())["deadlines"]![0]!;
        var suspended = await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{decision["id"]}/suspend", new { reason = "商标权利人辨认", kind = "Identification" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal("suspended", (string)(await suspended.ReadObjectAsync())["state"]!);
    }

    [Fact]
    public async Task ReportReceivedUnderOrder20_IsVerifiedWithinThePprFifteenWorkingDaysFromReceipt()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await ReportAsync("2026-02-12T10:00:00+08:00");

        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });

        var deadline = (await intake.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "report.verification")!;
        Assert.Equal("2026-03-11", (string)deadline["dueDate"]!);
        Assert.Contains("《市场监督管理行政处罚程序规定》第十八条", (string)deadline["legalBasis"]!, StringComparison.Ordinal);
    }

    private async Task<string> ReportAsync(string receivedAt)
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateAsync(new
        {
            kind = "report",
            channel = "hotline",
            receivedAt,
            complainant = new { name = "周敏", phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            respondent = new { name = "城关家电商行" + Guid.NewGuid().ToString("N")[..6], address = "城关区解放路 88 号" },
            category = "家用电器",
            subject = "销售无3C标志电热水壶",
            description = $"店内销售无强制性认证标志的电热水壶（{Guid.NewGuid():N}）。",
        });
        return (string)created["id"]!;
    }
}
