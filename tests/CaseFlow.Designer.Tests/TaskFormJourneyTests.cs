using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// Issue 17: a complaint carried from registration to closure in the browser using only what the task forms offer —
/// the acceptance decision with the suggested office, mediation with agreement (the 调解书 uploaded in place, the form
/// surviving a reload), the return visit — and the API confirming what was recorded.
/// </summary>
public sealed class TaskFormJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task A_complaint_goes_from_acceptance_to_closure_through_the_forms_only()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var api = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(api, "微波炉加热不均");

        // 受理审查: the office field is there only for 受理, prefilled with the district table's suggestion.
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "intake");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/cases/{complaint.Id}");
        var form = page.Locator("[data-test=complete-form][data-task=decideAcceptance]");
        await Expect(form).ToContainTextAsync("七个工作日内");
        await form.GetByText("受理", new() { Exact = true }).ClickAsync();
        await Expect(Journeys.Field(form, "officeId")).ToContainTextAsync("承办监管所 *");
        await Expect(Journeys.Field(form, "officeId").Locator("input[role=combobox]")).ToHaveValueAsync(new Regex(".+"));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("task-form-acceptance"), FullPage = true });
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.GetByText("已办结")).ToBeVisibleAsync();
        await Expect(form).ToHaveCountAsync(0);

        // 组织调解 by the office: fill part of the form, reload, the draft is still there.
        var handler = await designer.NewPageAsync();
        await Journeys.SignInAsync(handler, "handler1");
        await Expect(handler).ToHaveURLAsync(new Regex("/workbench$"));
        await handler.GotoAsync($"/cases/{complaint.Id}");
        form = handler.Locator("[data-test=complete-form][data-task=mediate]");
        await form.GetByText("达成调解协议", new() { Exact = true }).ClickAsync();
        await Expect(Journeys.Field(form, "recoveredAmount")).ToContainTextAsync("元");
        await Expect(Journeys.Field(form, "consent")).ToContainTextAsync("第十八条");
        await Journeys.FillFieldAsync(form, "mediationResult", "商家更换新机并补偿 150 元");
        await Journeys.FillFieldAsync(form, "recoveredAmount", "150.5");
        await handler.ReloadAsync();
        form = handler.Locator("[data-test=complete-form][data-task=mediate]");
        await Expect(form.Locator("[data-test=draft-restored]")).ToBeVisibleAsync();
        await Expect(Journeys.Field(form, "mediationResult").Locator("textarea").First).ToHaveValueAsync(new Regex("商家更换新机"));

        // Without the parties' consent the server refuses under that field; then the 调解书 is uploaded in place and chosen.
        await Journeys.ChooseAsync(handler, form, "mediationDocument", "已制作调解书");
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(Journeys.Field(form, "consent")).ToContainTextAsync("必须填写“当事人同意调解”");
        await form.GetByText("投诉人和被投诉人均同意调解", new() { Exact = true }).ClickAsync();
        await Journeys.Field(form, "mediationDocumentId").Locator("[data-test=form-document-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "调解书.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await Journeys.Field(form, "mediationDocumentId").Locator("[data-test=form-document-upload]").ClickAsync();
        await Expect(Journeys.Field(form, "mediationDocumentId").Locator("input[role=combobox]")).ToHaveValueAsync(new Regex("调解书\\.pdf"));
        await handler.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("task-form-mediation"), FullPage = true });
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(handler.GetByText("已办结")).ToBeVisibleAsync();

        // 回访: the rating is asked for only when the complainant was reached.
        form = handler.Locator("[data-test=complete-form][data-task=returnVisit]");
        await Expect(Journeys.Field(form, "satisfaction")).ToHaveCountAsync(0);
        await form.GetByText("已回访，投诉人作出评价", new() { Exact = true }).ClickAsync();
        await form.GetByText("满意", new() { Exact = true }).ClickAsync();
        await Journeys.FillFieldAsync(form, "visitNote", "电话回访，投诉人对处理结果满意");
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(handler.Locator("[data-test=case-status]")).ToContainTextAsync("已办结");
        await handler.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("task-form-closed"), FullPage = true });

        var detail = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", cancellation);
        Assert.Equal("closed", detail!["status"]!.GetValue<string>());
        Assert.Equal(150.5m, detail["recoveredAmount"]!.GetValue<decimal>());
        Assert.Equal("satisfied", detail["satisfaction"]!.GetValue<string>());
        var instance = await api.GetFromJsonAsync<JsonObject>($"/api/instances/{detail["processInstanceId"]!.GetValue<Guid>()}", cancellation);
        var documents = await api.GetFromJsonAsync<JsonArray>($"/api/cases/{complaint.Id}/documents", cancellation);
        Assert.Equal(documents!.Single(d => d!["fileName"]!.GetValue<string>() == "调解书.pdf")!["id"]!.GetValue<string>(), instance!["variables"]!["mediationDocumentId"]!.GetValue<string>());
        Assert.Equal("issued", instance["variables"]!["mediationDocument"]!.GetValue<string>());
    }
}
