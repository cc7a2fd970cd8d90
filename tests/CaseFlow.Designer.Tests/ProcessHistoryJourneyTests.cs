using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The legal officer's other tools on /processes/{key}: the built-in processes drawn on the canvas, a service task's
/// activity inputs edited in the properties panel, the version history with two versions compared side by side,
/// export of a version as a .bpmn file, and import of files the server accepts with errors or refuses.
/// </summary>
public sealed class ProcessHistoryJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Theory]
    [InlineData("complaint", "decideAcceptance", 30)]
    [InlineData("enforcement", "investigate", 30)]
    [InlineData("police-transfer", "awaitPoliceDecision", 20)]
    [InlineData("report", "verifyReport", 10)]
    public async Task A_built_in_process_is_drawn_on_the_canvas(string key, string elementId, int atLeastShapes)
    {
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/processes/{key}");

        var canvas = page.Locator("[data-test=canvas]");
        await Expect(canvas.Locator($".djs-element[data-element-id={elementId}]")).ToBeVisibleAsync();
        Assert.True(await canvas.Locator(".djs-shape").CountAsync() >= atLeastShapes, "the diagram has fewer shapes than the process has elements");
        Assert.True(await canvas.Locator(".djs-connection").CountAsync() >= atLeastShapes - 2, "the sequence flows are not drawn");
        await Expect(page.Locator("[data-test=no-diagram]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=xml]")).ToHaveCountAsync(0);
        if (key == "complaint")
        {
            await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer-complaint"), FullPage = true });
        }
    }

    [Fact]
    public async Task The_inputs_of_a_service_task_set_in_the_panel_are_saved_in_the_XML()
    {
        var key = "notify-" + Guid.NewGuid().ToString("N")[..6];
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/processes/{key}?name=%E9%80%9A%E7%9F%A5");
        var canvas = page.Locator("[data-test=canvas]");
        await canvas.Locator(".djs-element[data-element-id=start]").ClickAsync();
        await page.Locator("[data-test=palette-serviceTask]").ClickAsync();
        await Expect(page.Locator("[data-test=properties] [data-test=activity-select]")).ToBeVisibleAsync();
        var task = await page.Locator("[data-test=properties]").GetAttributeAsync("data-element");

        await page.Locator("[data-test=activity-select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "(SendEmail)" }).ClickAsync();
        await FillInputAsync(page, "to", "complainant.email");
        await TickAsync(page, "data-expression", "to");
        await Expect(page.Locator("[data-test=properties] input[data-input=to]")).ToHaveValueAsync("complainant.email");
        await FillInputAsync(page, "subject", "投诉已收到");
        await FillInputAsync(page, "body", "您的投诉已登记。");
        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.Locator("[data-test=validation-state]")).ToBeVisibleAsync();

        using var api = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        var draft = await api.GetStringAsync($"/api/processes/{key}/draft", TestContext.Current.CancellationToken);
        var serviceTask = Regex.Match(draft, $"<bpmn:serviceTask id=\"{task}\"[\\s\\S]*?</bpmn:serviceTask>").Value;
        Assert.Contains("caseflow:activity=\"SendEmail\"", serviceTask, StringComparison.Ordinal);
        Assert.Contains("<caseflow:input name=\"to\" expression=\"complainant.email\" />", serviceTask, StringComparison.Ordinal);
        Assert.Contains("<caseflow:input name=\"subject\" value=\"投诉已收到\" />", serviceTask, StringComparison.Ordinal);
        Assert.Contains("<caseflow:input name=\"body\" value=\"您的投诉已登记。\" />", serviceTask, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_versions_side_by_side_with_their_differences_marked_and_a_version_exported()
    {
        var key = "review-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        await PublishAsync(api, key, Diagram(key, "7wd", "old", "旧步骤"));
        await PublishAsync(api, key, Diagram(key, "5wd", "added", "新步骤"));

        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/processes/{key}");
        var rows = page.Locator("[data-test=history-row]");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-version", "2");
        await Expect(rows.Nth(0).Locator("[data-test=published-by]")).ToHaveTextAsync("法制员 陈静");
        await Expect(rows.Nth(0).Locator("[data-test=published-by] [data-login]")).ToHaveAttributeAsync("title", "legal");

        // Export: the file is the published version as the server keeps it.
        var download = await page.RunAndWaitForDownloadAsync(() => rows.Nth(1).Locator("[data-test=download]").ClickAsync());
        Assert.Equal($"{key}-v1.bpmn", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal(await api.GetStringAsync($"/api/processes/{key}/versions/1", TestContext.Current.CancellationToken), exported);

        await TickAsync(page, "data-pick", "1");
        await TickAsync(page, "data-pick", "2");
        await Expect(page.Locator("[data-test=compare]")).ToBeEnabledAsync();
        await page.Locator("[data-test=compare]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/processes/{key}/compare\\?left=1&right=2$"));
        await Expect(page.Locator("[data-test=compare-left-label]")).ToHaveTextAsync("第 1 版");
        await Expect(page.Locator("[data-test=compare-right-label]")).ToHaveTextAsync("第 2 版");
        var left = page.Locator("[data-test=compare-left]");
        var right = page.Locator("[data-test=compare-right]");
        await Expect(right.Locator(".djs-element.cf-diff-added[data-element-id=added]")).ToBeVisibleAsync();
        await Expect(left.Locator(".djs-element.cf-diff-removed[data-element-id=old]")).ToBeVisibleAsync();
        await Expect(left.Locator(".djs-element.cf-diff-changed[data-element-id=review]")).ToBeVisibleAsync();
        await Expect(right.Locator(".djs-element.cf-diff-changed[data-element-id=review]")).ToBeVisibleAsync();
        await Expect(left.Locator(".djs-element.cf-diff-changed[data-element-id=start]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=diff-added]")).ToHaveAttributeAsync("data-element", "added");
        await Expect(page.Locator("[data-test=diff-removed]")).ToHaveAttributeAsync("data-element", "old");
        await Expect(page.Locator("[data-test=diff-changed][data-element=review]")).ToContainTextAsync("caseflow:dueIn: 7wd → 5wd");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer-compare"), FullPage = true });
    }

    [Fact]
    public async Task An_imported_file_becomes_the_draft_with_its_errors_on_the_elements_and_bad_files_are_refused()
    {
        var key = "imported-" + Guid.NewGuid().ToString("N")[..6];
        using var api = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        await PublishAsync(api, key, Diagram(key, "7wd", "old", "旧步骤"));
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/processes/{key}");
        var canvas = page.Locator("[data-test=canvas]");
        await Expect(canvas.Locator(".djs-element[data-element-id=old]")).ToBeVisibleAsync();

        // A file with a deadline the server cannot read: stored as the draft, drawn, the error on its task.
        await ImportAsync(page, "review.bpmn", Encoding.UTF8.GetBytes(Diagram(key, "7xd", "added", "新步骤")));
        await Expect(canvas.Locator(".djs-element[data-element-id=added]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=validation-state]")).ToHaveTextAsync("1 个错误");
        await Expect(canvas.Locator(".djs-element.cf-error[data-element-id=review]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=validation-error]")).ToHaveAttributeAsync("data-element", "review");
        await Expect(page.Locator("[data-test=history-row][data-version=draft]")).ToHaveCountAsync(1);
        Assert.Contains("caseflow:dueIn=\"7xd\"", await api.GetStringAsync($"/api/processes/{key}/draft", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer-history"), FullPage = true });

        // A DTD is refused with the server's message, and the draft stays as it was.
        var withDtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]>" + Diagram(key, "7wd", "added", "&x;")[38..];
        await ImportAsync(page, "dtd.bpmn", Encoding.UTF8.GetBytes(withDtd));
        await Expect(page.Locator("[data-test=import-error]")).ToContainTextAsync("DOCTYPE");
        await Expect(page.Locator("[data-test=import-error]")).ToContainTextAsync("dtd.bpmn");

        // So is a file over the server's 2 MB limit.
        var huge = Encoding.UTF8.GetBytes(Diagram(key, "7wd", "added", "新步骤").Replace("</bpmn:definitions>", "<!--" + new string('x', 2 * 1024 * 1024) + "--></bpmn:definitions>", StringComparison.Ordinal));
        await ImportAsync(page, "huge.bpmn", huge);
        await Expect(page.Locator("[data-test=import-error]")).ToContainTextAsync("2048 KB");
        Assert.Contains("caseflow:dueIn=\"7xd\"", await api.GetStringAsync($"/api/processes/{key}/draft", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Ticks a MudCheckBox marked with an attribute (MudBlazor puts it on the input or on its wrapper).</summary>
    private static async Task TickAsync(IPage page, string attribute, string value)
    {
        var box = page.Locator($"input[{attribute}='{value}'], [{attribute}='{value}'] input[type=checkbox]").First;
        await box.EvaluateAsync("input => input.click()");
        await Expect(box).ToBeCheckedAsync();
    }

    private static async Task ImportAsync(IPage page, string name, byte[] content) =>
        await page.Locator("#bpmn-import").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/xml", Buffer = content });

    private static async Task FillInputAsync(IPage page, string input, string value)
    {
        var field = page.Locator($"[data-test=properties] input[data-input={input}]");
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(value);
    }

    private static async Task PublishAsync(HttpClient api, string key, string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        var saved = await api.PutAsync($"/api/processes/{key}/draft", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var published = await api.PostAsync($"/api/processes/{key}/publish", null, TestContext.Current.CancellationToken);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>start → review (dueIn) → a second task (its id and name) → end, drawn left to right.</summary>
    private static string Diagram(string key, string dueIn, string secondId, string secondName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="urn:test">
          <bpmn:process id="{key}" name="复核流程" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="legal" caseflow:dueIn="{dueIn}" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="{secondId}" />
            <bpmn:userTask id="{secondId}" name="{secondName}" caseflow:candidateGroups="legal" />
            <bpmn:sequenceFlow id="f3" sourceRef="{secondId}" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="{key}">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="190" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="{secondId}_di" bpmnElement="{secondId}"><dc:Bounds x="350" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="510" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="190" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="290" y="118" /><di:waypoint x="350" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="450" y="118" /><di:waypoint x="510" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
