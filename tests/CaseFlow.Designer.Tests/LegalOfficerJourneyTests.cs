using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The legal officer in the browser: sees the process library, draws a new two-step process in the bpmn-js modeler
/// from a canvas holding only its start event, sets CaseFlow's task properties, is shown the server's validation
/// error on the element it concerns, fixes it, publishes, starts an instance and finds its first task in the queue.
/// </summary>
public sealed class LegalOfficerJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task Legal_officer_draws_validates_publishes_and_runs_a_new_process()
    {
        var key = "price-check-" + Guid.NewGuid().ToString("N")[..6];
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");

        // The library: the built-in complaint process is published; nothing called `key` exists yet.
        await page.Locator("[data-test=nav-processes]").ClickAsync();
        var complaintRow = page.Locator("[data-test=process-table] tbody tr").Filter(new() { HasText = "complaint" }).First;
        await Expect(complaintRow.Locator("[data-test=process-version]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^第 \\d+ 版$"));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("processes"), FullPage = true });

        await page.Locator("input[name=newProcessKey]").FillAsync(key);
        await page.Locator("input[name=newProcessName]").FillAsync("价格检查");
        await page.Locator("[data-test=new-process]").ClickAsync();
        await Expect(page.Locator("[data-test=process-title]")).ToContainTextAsync("价格检查");
        await Expect(page.Locator("[data-test=process-key]")).ToContainTextAsync(key);
        var canvas = page.Locator("[data-test=canvas]");
        await Expect(canvas.Locator(".djs-element[data-element-id=start]")).ToBeVisibleAsync();
        Assert.Equal(1, await Shapes(canvas).CountAsync());

        // Two user tasks and an end event, each appended after the selected element.
        await canvas.Locator(".djs-element[data-element-id=start]").ClickAsync();
        var first = await AppendAsync(page, "userTask");
        await SetPropertyAsync(page, "name", "初审");
        await SetPropertyAsync(page, "candidateGroups", "legal");
        await SetPropertyAsync(page, "outcomes", "approve, return");
        await SetPropertyAsync(page, "dueIn", "7xd"); // not a duration: the server says so on this element
        var second = await AppendAsync(page, "userTask");
        await SetPropertyAsync(page, "name", "复核");
        await SetPropertyAsync(page, "candidateGroups", "legal");
        await SetPropertyAsync(page, "dueIn", "3wd");
        await AppendAsync(page, "endEvent");
        Assert.Equal(4, await Shapes(canvas).CountAsync()); // start, two tasks, end

        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.Locator("[data-test=validation-state]")).ToHaveTextAsync("1 个错误");
        var error = page.Locator("[data-test=validation-error]");
        await Expect(error).ToHaveAttributeAsync("data-element", first);
        await Expect(error).ToContainTextAsync("7xd");
        await Expect(canvas.Locator($".djs-element.cf-error[data-element-id={first}]")).ToHaveCountAsync(1);
        await Expect(canvas.Locator($".cf-error-note[data-element={first}]")).ToContainTextAsync("期限");
        await error.ClickAsync();
        await Expect(page.Locator("[data-test=properties]")).ToHaveAttributeAsync("data-element", first);
        await Expect(page.Locator("[data-test=element-error]")).ToContainTextAsync("7xd");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer-validation-error"), FullPage = true });

        await SetPropertyAsync(page, "dueIn", "7wd");
        await page.Locator("[data-test=publish]").ClickAsync();
        await Expect(page.Locator("[data-test=publish-first]")).ToContainTextAsync("价格检查");
        await page.Locator("[data-test=publish-confirm]").ClickAsync();
        await Expect(page.Locator("[data-test=published-version]")).ToHaveTextAsync("第 1 版");
        await Expect(page.Locator("[data-test=validation-state]")).ToHaveTextAsync("校验通过");
        await Expect(canvas.Locator(".djs-element.cf-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer"), FullPage = true });

        // What was published is what was drawn, with CaseFlow's attributes.
        using var api = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        var published = await api.GetStringAsync($"/api/processes/{key}/versions/1", TestContext.Current.CancellationToken);
        Assert.Contains("caseflow:dueIn=\"7wd\"", published, StringComparison.Ordinal);
        Assert.Contains("caseflow:candidateGroups=\"legal\"", published, StringComparison.Ordinal);
        Assert.Contains("caseflow:outcomes=\"approve, return\"", published, StringComparison.Ordinal);

        // It runs: an instance started from the designer waits in 初审, offered to the legal group.
        await page.Locator("[data-test=start-instance]").ClickAsync();
        await Expect(page.Locator("[data-test=instance-started]")).ToBeVisibleAsync();
        var instances = await api.GetFromJsonAsync<JsonObject>($"/api/instances?processKey={key}", TestContext.Current.CancellationToken);
        var instanceId = instances!["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>();
        var instance = await api.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", TestContext.Current.CancellationToken);
        Assert.Equal([first], instance!["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()));

        await page.Locator("[data-test=to-workbench]").ClickAsync();
        await Journeys.ShowQueueAsync(page, "待认领");
        var row = page.Locator("[data-test=task-table] tbody tr").Filter(new() { HasText = "初审" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-test=days-left]")).ToContainTextAsync("剩余");
        Assert.NotEqual(first, second);
    }

    /// <summary>The shapes on the canvas, without the external labels of events.</summary>
    private static ILocator Shapes(ILocator canvas) => canvas.Locator(".djs-shape:not([data-element-id$=_label])");

    /// <summary>Clicks a palette button and returns the id of the element it appended (the panel shows it).</summary>
    private static async Task<string> AppendAsync(IPage page, string kind)
    {
        var before = await page.Locator("[data-test=properties]").GetAttributeAsync("data-element");
        await page.Locator($"[data-test=palette-{kind}]").ClickAsync();
        await Expect(page.Locator("[data-test=properties]")).Not.ToHaveAttributeAsync("data-element", before ?? string.Empty);
        return (await page.Locator("[data-test=properties]").GetAttributeAsync("data-element"))!;
    }

    private static async Task SetPropertyAsync(IPage page, string property, string value)
    {
        var input = page.Locator($"[data-test=properties] input[data-prop={property}]");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }
}
