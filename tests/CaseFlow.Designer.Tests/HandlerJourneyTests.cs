using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The intake desk in the browser: signs in (Chinese UI), finds a new complaint in 待认领, claims it, opens the case,
/// is told by the server which details a refusal needs, adds them and completes the step.
/// </summary>
public sealed class HandlerJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task Wrong_password_is_refused_in_Chinese()
    {
        var page = await designer.NewPageAsync();

        await Journeys.SignInAsync(page, "intake", "not-the-password");

        await Expect(page.Locator("[data-test=signin-error]")).ToHaveTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
    }

    [Fact]
    public async Task Intake_claims_opens_and_completes_a_complaint_after_a_validation_error()
    {
        using var api = await designer.Server.ClientForAsync("intake", TestContext.Current.CancellationToken);
        var complaint = await Journeys.CreateComplaintAsync(api, "电热水壶漏电");
        var page = await designer.NewPageAsync();

        // Anonymous visitors land on the sign-in page, in Chinese.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("signin") });

        await Journeys.SignInAsync(page, "intake");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workbench$"));
        await Journeys.ShowQueueAsync(page, "待认领");
        var row = Journeys.RowOf(page, complaint.Number);
        await Expect(row).ToContainTextAsync("受理审查");
        await Expect(row.Locator("[data-test=case-subject]")).ToHaveTextAsync("电热水壶漏电");
        await Expect(row.Locator("[data-test=respondent]")).ToHaveTextAsync("城关家电商行");
        await Expect(row.Locator("[data-test=days-left]")).ToContainTextAsync("剩余");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("workbench-candidate") });

        await row.Locator("[data-test=claim]").ClickAsync();
        await Expect(page.GetByText("已认领")).ToBeVisibleAsync();
        await Journeys.ShowQueueAsync(page, "我的任务");
        row = Journeys.RowOf(page, complaint.Number);
        await Expect(row.Locator("[data-test=assignee]")).ToHaveTextAsync("受理员 张敏");

        await row.Locator("[data-test=open]").ClickAsync();
        await Expect(page.Locator("[data-test=case-title]")).ToContainTextAsync(complaint.Number);
        await Expect(page.Locator("[data-test=complainant]")).ToContainTextAsync("138****8000");
        await Expect(page.Locator("[data-test=complainant]")).Not.ToContainTextAsync("13800138000");
        await Expect(page.Locator("[data-test=deadlines]")).ToContainTextAsync("进行中");

        // A refusal without its ground and reason: the server's Chinese messages appear under both fields, nothing moves.
        var form = page.Locator("[data-test=complete-form]");
        await Expect(Journeys.Field(form, "refusalReason")).ToHaveCountAsync(0);
        await form.GetByText("不予受理", new() { Exact = true }).ClickAsync();
        await Expect(Journeys.Field(form, "refusalReason")).ToContainTextAsync("不予受理理由 *");
        await Expect(Journeys.Field(form, "refusalGround")).ToContainTextAsync("第十六条");
        await Expect(Journeys.Field(form, "officeId")).ToHaveCountAsync(0);
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(Journeys.Field(form, "refusalReason")).ToContainTextAsync("必须填写“不予受理理由”");
        await Expect(Journeys.Field(form, "refusalGround")).ToContainTextAsync("必须填写“不予受理依据”");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case-validation-error"), FullPage = true });

        // Choose the ground from the Art. 16 list, write the reason, complete.
        await Journeys.ChooseAsync(page, form, "refusalGround", "第一项：不属于市场监督管理部门职责，或者本行政机关不具有处理权限");
        await Journeys.FillFieldAsync(form, "refusalReason", "不属于本部门管辖范围");
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.GetByText("已办结")).ToBeVisibleAsync();
        await Expect(form).ToHaveCountAsync(0);

        var task = await TheAcceptanceTaskAsync(api, complaint.Id);
        Assert.Equal("completed", task["state"]!.GetValue<string>());
        Assert.Equal("refuse", task["outcome"]!.GetValue<string>());
        Assert.Equal("intake", task["completedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Office_handler_mediates_an_accepted_complaint_to_an_agreement()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(intake, "空调安装收费争议");
        await Journeys.AcceptAsync(intake, complaint.Id, "office-1");
        var page = await designer.NewPageAsync();

        await Journeys.SignInAsync(page, "handler1");
        await Journeys.ShowQueueAsync(page, "待认领");
        var row = Journeys.RowOf(page, complaint.Number);
        await Expect(row).ToContainTextAsync("组织调解");
        await row.Locator("[data-test=claim]").ClickAsync();
        await Journeys.ShowQueueAsync(page, "我的任务");
        await Journeys.RowOf(page, complaint.Number).Locator("[data-test=open]").ClickAsync();
        await Expect(page.Locator("[data-test=deadlines]")).ToContainTextAsync("剩余");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case"), FullPage = true });

        // An agreement needs the parties' consent, the result, the amount recovered and the 调解书 (Arts. 18, 24).
        var form = page.Locator("[data-test=complete-form]");
        await form.GetByText("达成调解协议", new() { Exact = true }).ClickAsync();
        await form.Locator("[data-test=complete]").ClickAsync();
        foreach (var key in new[] { "consent", "mediationResult", "recoveredAmount", "mediationDocument" })
        {
            await Expect(Journeys.Field(form, key).Locator(".field-error, .mud-input-helper-text.mud-input-error")).Not.ToHaveCountAsync(0);
        }

        await form.GetByText("投诉人和被投诉人均同意调解", new() { Exact = true }).ClickAsync();
        await Journeys.FillFieldAsync(form, "mediationResult", "商家退还安装费200元");
        await Journeys.FillFieldAsync(form, "recoveredAmount", "200");
        await Journeys.ChooseAsync(page, form, "mediationDocument", "双方同意不制作调解书");
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.GetByText("已办结")).ToBeVisibleAsync();

        var detail = await intake.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", cancellation);
        Assert.Equal(200m, detail!["recoveredAmount"]!.GetValue<decimal>());
        Assert.Contains(detail["tasks"]!.AsArray(), t => t!["elementId"]!.GetValue<string>() == "returnVisit");
    }

    [Fact]
    public async Task The_language_switch_shows_English_and_back()
    {
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "handler1");
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^我的任务") })).ToBeVisibleAsync();

        await page.Locator("[data-test=language]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^My tasks") })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator("[data-test=language]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^我的任务") })).ToBeVisibleAsync();
    }

    private static async Task<JsonObject> TheAcceptanceTaskAsync(HttpClient api, Guid caseId)
    {
        var tasks = await api.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=mine&state=completed&caseId={caseId}");
        return tasks!["items"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["elementId"]!.GetValue<string>() == "decideAcceptance");
    }
}
