using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The chief in the browser: a complaint received three weeks ago has missed its 7-working-day acceptance deadline;
/// it shows in 已超期 with the 督办 badge the escalation ladder set, and the chief reassigns it.
/// </summary>
public sealed class SupervisorJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task Chief_sees_an_overdue_escalated_task_and_reassigns_it()
    {
        using var intake = await designer.Server.ClientForAsync("intake", TestContext.Current.CancellationToken);
        var overdue = await Journeys.CreateComplaintAsync(intake, "预付卡商家关门", TimeProvider.System.GetUtcNow().AddDays(-21));
        var page = await designer.NewPageAsync();

        await Journeys.SignInAsync(page, "chief");
        await Journeys.ShowQueueAsync(page, "已超期");
        var row = Journeys.RowOf(page, overdue.Number);
        await Expect(row.Locator("[data-test=badge-overdue]")).ToHaveTextAsync("已超期");
        await Expect(row.Locator("[data-test=days-left]")).ToContainTextAsync("已超期");
        await Expect(row.Locator("[data-test=days-left]")).ToHaveClassAsync("due-overdue");

        // The escalation sweep (every second in this fixture) marks the task 督办; refresh until it shows.
        await WaitForEscalationAsync(page, row);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("workbench-overdue") });

        await row.Locator("[data-test=assign]").ClickAsync();
        await Journeys.AssignInDialogAsync(page, "intake");
        await Expect(page.GetByText("已改派给 受理员 张敏")).ToBeVisibleAsync();
        await Expect(Journeys.RowOf(page, overdue.Number).Locator("[data-test=assignee]")).ToHaveTextAsync("受理员 张敏");
        await Expect(Journeys.RowOf(page, overdue.Number).Locator("[data-test=assignee] [data-login]")).ToHaveAttributeAsync("title", "intake");

        var tasks = await intake.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=mine&caseId={overdue.Id}", TestContext.Current.CancellationToken);
        Assert.Equal("intake", tasks!["items"]![0]!["assignee"]!.GetValue<string>());
    }

    private static async Task WaitForEscalationAsync(IPage page, ILocator row)
    {
        var badge = row.Locator("[data-test=badge-escalated]");
        for (var attempt = 0; attempt < 30 && await badge.CountAsync() == 0; attempt++)
        {
            await page.WaitForTimeoutAsync(1000);
            await page.Locator("[data-test=refresh]").ClickAsync();
            await Expect(row).ToBeVisibleAsync();
        }

        await Expect(badge).ToHaveTextAsync("督办");
    }
}
