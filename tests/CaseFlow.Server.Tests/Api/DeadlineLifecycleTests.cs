using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Suspending, resuming and extending a report's verification deadline (PPR Art. 18) on a clock the test moves.</summary>
public sealed class DeadlineLifecycleTests(FakeClockCaseFlowApp app) : IClassFixture<FakeClockCaseFlowApp>
{
    private static readonly BusinessCalendar Calendar = new();
    private static readonly string[] ChiefAndDeputy = ["chief", "deputy1"];

    [Fact]
    public async Task SuspendForTesting_ThreeWorkingDays_ThenResume_MovesDueDateByThreeWorkingDays()
    {
        var handler = await app.ClientForAsync("handler1");
        var (caseId, deadline) = await VerificationDeadlineAsync();
        var dueBefore = Date(deadline);
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}";

        var wrongKind = await handler.PostAsJsonAsync($"{path}/suspend", new { reason = "听证", kind = "Hearing" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.True((await wrongKind.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("kind"));

        var suspend = await handler.PostAsJsonAsync($"{path}/suspend", new { reason = "样品送检", kind = "Testing" });
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var suspended = await DeadlineAsync(caseId, "report.verification");
        Assert.Equal("suspended", (string)suspended["state"]!);

        // The only test that moves the clock, so it starts on Mon 2026-12-07: Tue, Wed and Thu are stopped.
        app.Clock.Advance(TimeSpan.FromDays(3));
        var resume = await handler.PostAsJsonAsync($"{path}/resume", new { reason = "检验报告已出具" });
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);

        var view = await handler.GetCaseAsync(caseId);
        var resumed = view["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "report.verification")!;
        Assert.Equal("running", (string)resumed["state"]!);
        Assert.Equal(Calendar.AddWorkingDays(dueBefore, 3), Date(resumed));
        var suspension = Assert.Single(resumed["suspensions"]!.AsArray())!;
        Assert.Equal("Testing", (string)suspension["kind"]!);
        Assert.Equal("handler1", (string)suspension["resumedBy"]!);
        var task = view["tasks"]!.AsArray().Single(t => (string)t!["elementId"]! == "verifyReport")!;
        Assert.Equal((string)resumed["dueAt"]!, (string)task["dueAt"]!);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "DeadlineSuspended" && ((string)e["details"]!).Contains("第十八条", StringComparison.Ordinal));
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "DeadlineResumed" && (string)e["actor"]! == "handler1");
    }

    [Fact]
    public async Task Extend_FollowsPolicy_HeadOnceThenRefused()
    {
        var chief = await app.ClientForAsync("chief");
        var handler = await app.ClientForAsync("handler1");
        var (caseId, deadline) = await VerificationDeadlineAsync();
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}/extend";
        var dueBefore = Date(deadline);

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync(path, new { reason = "案情复杂", approvedBy = "局长 孙伟", approval = "OfficeHead" })).StatusCode);
        var missing = await chief.PostAsJsonAsync(path, new { reason = "案情复杂", approval = "Boss" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("approval"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("admin")).PostAsJsonAsync(path, new { reason = "案情复杂", approval = "OfficeHead" })).StatusCode); // not a head
        Assert.Equal(HttpStatusCode.Conflict, (await chief.PostAsJsonAsync(path, new { reason = "案情复杂", approval = "CollectiveDecision", discussion = new { participants = ChiefAndDeputy, conclusion = "同意延期", date = Calendar.ToLocalDate(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } })).StatusCode);

        var first = await chief.PostAsJsonAsync(path, new { reason = "案情复杂", approvedBy = "局长 孙伟", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await chief.PostAsJsonAsync(path, new { reason = "仍需核查", approvedBy = "局长 孙伟", approval = "OfficeHead" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var extended = await DeadlineAsync(caseId, "report.verification");
        Assert.Equal(Calendar.AddWorkingDays(dueBefore, 15), Date(extended));
        var extension = Assert.Single(extended["extensions"]!.AsArray())!;
        Assert.Equal("OfficeHead", (string)extension["approval"]!);
        Assert.Equal("局长 赵刚（chief）", (string)extension["approvedBy"]!); // the signed-in head, from the directory, not the typed name
        Assert.Contains((await chief.GetCaseAsync(caseId))["timeline"]!.AsArray(), e => (string)e!["event"]! == "DeadlineExtended" && (string)e["actor"]! == "chief");
    }

    [Fact]
    public async Task Extend_TwiceAtOnce_GrantsOnlyTheOneExtensionAllowed()
    {
        var chief = await app.ClientForAsync("chief");
        var deputy = await app.ClientForAsync("deputy1");
        var (caseId, deadline) = await VerificationDeadlineAsync();
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}/extend";
        var body = new { reason = "案情复杂", approval = "OfficeHead" };

        var answers = await Task.WhenAll(chief.PostAsJsonAsync(path, body), deputy.PostAsJsonAsync(path, body));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Single((await DeadlineAsync(caseId, "report.verification"))["extensions"]!.AsArray());
    }

    [Fact]
    public async Task Resume_WhenNotSuspended_IsConflict_AndOtherOfficeHandlerIsForbidden()
    {
        var (caseId, deadline) = await VerificationDeadlineAsync();
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}";

        var resume = await (await app.ClientForAsync("chief")).PostAsJsonAsync($"{path}/resume", new { reason = "无" });
        var other = await (await app.ClientForAsync("handler2")).PostAsJsonAsync($"{path}/suspend", new { reason = "送检", kind = "Testing" });

        Assert.Equal(HttpStatusCode.Conflict, resume.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode); // another office's case is not found for them
    }

    /// <summary>A report received now and forwarded to office-1: its verification deadline runs 15 working days from receipt.</summary>
    private async Task<(string CaseId, JsonObject Deadline)> VerificationDeadlineAsync()
    {
        var intake = await app.ClientForAsync("intake");
        var report = new JsonObject
        {
            ["kind"] = "report",
            ["channel"] = "hotline",
            ["complainant"] = new JsonObject { ["name"] = "刘洋", ["phone"] = "13800138000" },
            ["respondent"] = new JsonObject { ["name"] = "城关家电商行" },
            ["category"] = "家用电器",
            ["subject"] = "销售无3C标志电热水壶",
            // Distinct facts per report: the same reporter, facts and target again would be a duplicate (O121 Art. 35(2)).
            ["description"] = $"店内销售无强制性认证标志的电热水壶（货架 {Guid.NewGuid():N}）。",
        };
        var created = await (await intake.PostAsJsonAsync("/api/cases", report)).ReadObjectAsync();
        var caseId = (string)created["id"]!;
        var forward = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "forward", new { officeId = "office-1" });
        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        var deadline = await DeadlineAsync(caseId, "report.verification");
        Assert.Equal(Calendar.AddWorkingDays(Calendar.ToLocalDate(app.Clock.GetUtcNow()), 15), Date(deadline));
        return (caseId, deadline);
    }

    private async Task<JsonObject> DeadlineAsync(string caseId, string ruleCode) =>
        (await (await app.ClientForAsync("chief")).GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == ruleCode)!.AsObject();

    private static DateOnly Date(JsonNode deadline) => DateOnly.ParseExact((string)deadline["dueDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
