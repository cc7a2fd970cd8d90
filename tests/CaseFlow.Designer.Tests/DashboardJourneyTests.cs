using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The chief on the supervisor dashboard: a complaint that missed its acceptance deadline is overdue and under
/// supervision (督办, by the escalation ladder); it shows by office and in the lists, the statistics summary shows its
/// charts and the server's narrative, the CSV export downloads, and the chief reassigns the item from the dashboard.
/// </summary>
public sealed class DashboardJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task Chief_sees_overdue_and_supervised_items_the_summary_exports_and_reassigns()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        using var chief = await designer.Server.ClientForAsync("chief", cancellation);
        var overdue = await Journeys.CreateComplaintAsync(intake, "看板测试：会员卡退费", TimeProvider.System.GetUtcNow().AddDays(-21));
        await WaitForSupervisionItemAsync(chief, overdue.Id, cancellation);

        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "chief");
        await page.Locator("[data-test=nav-dashboard]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));

        await Expect(page.Locator("[data-test=figure-escalated] [data-test=figure-value]")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("[data-test=figure-overdue] [data-test=figure-value]")).Not.ToHaveTextAsync("0");
        var unassigned = page.Locator("[data-test=by-office] [data-test=office-row]").Filter(new() { HasTextString = "未分派" });
        await Expect(unassigned).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=supervision-items]")).ToContainTextAsync(overdue.Number);
        await Expect(page.Locator("[data-test=supervision-items]")).ToContainTextAsync("督办");
        var row = Journeys.RowOf(page, overdue.Number);
        await Expect(row.Locator("[data-test=badge-escalated]")).ToHaveTextAsync("督办");
        await Expect(row.Locator("[data-test=days-left]")).ToHaveClassAsync("due-overdue");

        // The month's summary: the server's own narrative, and the charts drawn.
        var today = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var from = new DateTime(today.Year, today.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var summary = await chief.GetFromJsonAsync<JsonObject>($"/api/reports/summary?from={from}&to={to}", cancellation);
        await Expect(page.Locator("[data-test=narrative]")).ToContainTextAsync(summary!["narrative"]!.GetValue<string>());
        await Expect(page.Locator("[data-test=sum-received]")).ToHaveTextAsync(summary["received"]!.ToString());
        await Expect(page.Locator("[data-test=chart-kinds] svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=chart-flow] svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("dashboard"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=export-csv]").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8, cancellation);
        Assert.StartsWith("指标,Indicator,数值", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=export-xlsx]").ClickAsync());
        var workbook = await File.ReadAllBytesAsync(await xlsx.PathAsync(), cancellation);
        Assert.Equal("PK"u8.ToArray(), workbook[..2]);

        // Reassign the overdue item from the dashboard.
        await row.Locator("[data-test=assign]").ClickAsync();
        await Journeys.AssignInDialogAsync(page, "intake");
        await Expect(page.GetByText("已改派给 受理员 张敏")).ToBeVisibleAsync();
        await Expect(Journeys.RowOf(page, overdue.Number).Locator("[data-test=assignee]")).ToHaveTextAsync("受理员 张敏");
        await Expect(Journeys.RowOf(page, overdue.Number).Locator("[data-test=assignee] [data-login]")).ToHaveAttributeAsync("title", "intake");
        var tasks = await intake.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=mine&caseId={overdue.Id}", cancellation);
        Assert.Equal("intake", tasks!["items"]![0]!["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_intake_desk_is_not_shown_the_dashboard()
    {
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "intake");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await Expect(page.Locator("[data-test=nav-intake]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=nav-dashboard]")).ToHaveCountAsync(0);
        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("[data-test=dash-forbidden]")).ToBeVisibleAsync();
    }

    /// <summary>The escalation sweep runs every second in this fixture; the 督办 item appears soon after the case exists.</summary>
    private static async Task WaitForSupervisionItemAsync(HttpClient chief, Guid caseId, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var items = await chief.GetFromJsonAsync<JsonObject>($"/api/supervision-items?caseId={caseId}", cancellation);
            if (items!["items"]!.AsArray().Any(i => i!["kind"]!.GetValue<string>() == "supervisionItem"))
            {
                return;
            }

            await Task.Delay(1000, cancellation);
        }

        Assert.Fail($"No supervision item was opened for case {caseId} within 60 seconds.");
    }
}
