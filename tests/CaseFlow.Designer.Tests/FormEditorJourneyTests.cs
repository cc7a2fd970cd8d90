using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// Issue 17, the legal officer's side: a form drawn in the form-js playground is imported on a user task, opened in the
/// form editor (@bpmn-io/form-js-editor), previewed as the handler will see it, saved back and exported unchanged; a
/// broken form is reported by the server on its task element.
/// </summary>
public sealed class FormEditorJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    /// <summary>A form as the form-js playground 1.23 exports it (ids, layout rows, schema version 19).</summary>
    private const string PlaygroundForm = """
        {
          "components": [
            { "label": "办理结果", "type": "radio", "layout": { "row": "Row_1", "columns": null }, "id": "Field_outcome", "key": "outcome", "validate": { "required": true }, "values": [ { "label": "通过", "value": "approve" }, { "label": "退回", "value": "return" } ] },
            { "label": "审核意见", "type": "textarea", "layout": { "row": "Row_2", "columns": null }, "id": "Field_opinion", "key": "opinion", "properties": { "caseflow:requiredFor": "return", "caseflow:legalBasis": "《市场监督管理行政处罚程序规定》第六十一条" }, "conditional": { "hide": "=outcome != \"return\"" } },
            { "label": "罚款（元）", "type": "number", "layout": { "row": "Row_3", "columns": null }, "id": "Field_fine", "key": "fine", "decimalDigits": 2, "properties": { "caseflow:money": "yuan" } }
          ],
          "type": "default",
          "id": "Form_review",
          "exporter": { "name": "form-js (https://demo.bpmn.io)", "version": "1.23.0" },
          "schemaVersion": 19
        }
        """;

    [Fact]
    public async Task A_playground_form_is_imported_edited_previewed_and_exported_unchanged()
    {
        var key = "form-edit-" + Guid.NewGuid().ToString("N")[..6];
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "legal");
        await page.Locator("[data-test=nav-processes]").ClickAsync();
        await page.Locator("input[name=newProcessKey]").FillAsync(key);
        await page.Locator("input[name=newProcessName]").FillAsync("法制审核");
        await page.Locator("[data-test=new-process]").ClickAsync();
        var canvas = page.Locator("[data-test=canvas]");
        await canvas.Locator(".djs-element[data-element-id=start]").ClickAsync();
        await page.Locator("[data-test=palette-userTask]").ClickAsync();
        var task = (await page.Locator("[data-test=properties]").GetAttributeAsync("data-element"))!;
        await SetPropertyAsync(page, "name", "审核");
        await SetPropertyAsync(page, "candidateGroups", "legal");
        await SetPropertyAsync(page, "outcomes", "approve,return");
        await page.Locator("[data-test=palette-endEvent]").ClickAsync();
        await canvas.Locator($".djs-element[data-element-id={task}]").ClickAsync();

        // Import the playground's file on the task.
        var section = page.Locator("[data-test=task-form-section]");
        await Expect(section.Locator("[data-test=form-summary]")).ToContainTextAsync("还没有表单");
        await section.Locator("[data-test=form-import-file]").SetInputFilesAsync(new FilePayload { Name = "review.form", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(PlaygroundForm) });
        await section.Locator("[data-test=form-import]").ClickAsync();
        await Expect(section.Locator("[data-test=form-summary]")).ToContainTextAsync("2 个字段：审核意见、罚款（元）");

        // Open it in form-js's editor, look at the preview, save it back to the diagram.
        await section.Locator("[data-test=form-edit]").ClickAsync();
        var dialog = page.Locator("[data-test=form-editor-dialog]");
        await Expect(dialog.Locator(".fjs-editor-container")).ToBeVisibleAsync();
        await Expect(dialog.Locator("[data-test=form-editor]")).ToContainTextAsync("审核意见");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("form-editor"), FullPage = true });
        await dialog.Locator("[data-test=form-preview-tab]").ClickAsync();
        var preview = dialog.Locator("[data-test=form-preview] [data-test=complete-form]");
        await Expect(Journeys.Field(preview, "opinion")).ToHaveCountAsync(0);
        await preview.GetByText("退回", new() { Exact = true }).ClickAsync();
        await Expect(Journeys.Field(preview, "opinion")).ToContainTextAsync("审核意见 *");
        await Expect(Journeys.Field(preview, "opinion")).ToContainTextAsync("第六十一条");
        await Expect(Journeys.Field(preview, "fine")).ToContainTextAsync("元");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("form-editor-preview"), FullPage = true });
        await page.Locator("[data-test=form-editor-save]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // Exported after the editor: the same form.
        var download = await page.RunAndWaitForDownloadAsync(() => section.Locator("[data-test=form-export]").ClickAsync());
        Assert.Equal($"{task}.form", download.SuggestedFilename);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PlaygroundForm), exported), exported!.ToJsonString());

        // Saved with the process it validates; a form with a field type CaseFlow does not know is reported on the task.
        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.Locator("[data-test=validation-state]")).ToHaveTextAsync("校验通过");
        var broken = PlaygroundForm.Replace("\"type\": \"number\"", "\"type\": \"signature\"", StringComparison.Ordinal);
        await section.Locator("[data-test=form-import-file]").SetInputFilesAsync(new FilePayload { Name = "broken.form", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(broken) });
        await section.Locator("[data-test=form-import]").ClickAsync();
        await page.Locator("[data-test=save]").ClickAsync();
        var error = page.Locator("[data-test=validation-error]");
        await Expect(error).ToHaveAttributeAsync("data-element", task);
        await Expect(error).ToContainTextAsync("signature");
        await Expect(canvas.Locator($".djs-element.cf-error[data-element-id={task}]")).ToHaveCountAsync(1);

        using var api = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        var draft = await api.GetStringAsync($"/api/processes/{key}/draft", TestContext.Current.CancellationToken);
        Assert.Contains("<caseflow:form>", draft, StringComparison.Ordinal);
        Assert.Matches(new Regex("Field_opinion"), draft);
    }

    private static async Task SetPropertyAsync(IPage page, string property, string value)
    {
        var input = page.Locator($"[data-test=properties] input[data-prop={property}]");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }
}
