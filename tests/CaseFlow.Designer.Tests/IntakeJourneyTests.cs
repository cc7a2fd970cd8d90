using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The intake desk in the browser: registers a complaint through the form (Art. 10 checklist, the server's field
/// errors in Chinese), lands on the new case, sees where it stands in the process, uploads and downloads evidence
/// (with the server's type and size refusals in Chinese), and decides a complaint that shows Art. 17 warning signs.
/// </summary>
public sealed class IntakeJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    [Fact]
    public async Task Intake_registers_a_complaint_by_letter_through_the_form_and_uploads_evidence()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "intake");
        await page.Locator("[data-test=nav-intake]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/intake$"));

        var checklist = page.Locator("[data-test=intake-checklist]");
        await Expect(checklist.Locator("[data-test=check-title]")).ToContainTextAsync("《市场监督管理投诉举报处理办法》第十条");
        await Expect(checklist).ToContainTextAsync("已具备 0 / 7 项");

        await ChooseAsync(page, "intake-channel", "信函");
        await page.Locator("input[name='complainant.name']").FillAsync("王芳");
        await page.Locator("input[name='complainant.phone']").FillAsync("13912345678");
        await page.Locator("input[name='complainant.address']").FillAsync("开发区长江路5号");
        await page.Locator("input[name='respondent.name']").FillAsync("开发区好又多超市");
        await page.Locator("input[name='subject']").FillAsync("过期酸奶退款");
        await Expect(checklist.Locator("[data-field='complainant.phone']")).ToHaveAttributeAsync("data-done", "true");
        await Expect(checklist.Locator("[data-field='respondent.address']")).ToHaveAttributeAsync("data-done", "false");

        // Without the facts the server refuses and names the field, in Chinese; the missing respondent address is not a
        // reason to refuse the record (O121 Art. 16(5) leaves that to the acceptance review), so it is not named.
        await page.Locator("[data-test=intake-submit]").ClickAsync();
        await Expect(FieldOf(page, "description")).ToContainTextAsync("请填写具体请求和事实");
        await Expect(FieldOf(page, "description")).Not.ToContainTextAsync("is required");
        await Expect(FieldOf(page, "respondent.address")).Not.ToContainTextAsync("被投诉人地址（第十条）");
        await Expect(page).ToHaveURLAsync(new Regex("/intake$"));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("intake-validation-error"), FullPage = true });

        await page.Locator("input[name='respondent.address']").FillAsync("开发区长江路88号");
        await page.Locator("textarea[name='description']").FillAsync("11月20日购买的酸奶已过保质期，商家拒绝退款，要求退款并赔偿。");
        await Expect(checklist).ToContainTextAsync("已具备 7 / 7 项");
        await page.Locator("[data-test=intake-submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-test=case-title]")).ToContainTextAsync("过期酸奶退款");
        var caseId = Guid.Parse(page.Url[^36..]);
        using var api = await designer.Server.ClientForAsync("intake", cancellation);
        var registered = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}", cancellation);
        Assert.Equal("letter", registered!["channel"]!.GetValue<string>());
        Assert.Equal("王芳", registered["complainant"]!["name"]!.GetValue<string>());
        Assert.Equal("开发区好又多超市", registered["respondent"]!["name"]!.GetValue<string>());

        // Where it stands: the acceptance review, on the diagram or, for a process without diagram information, in the step list.
        await ExpectCurrentStepAsync(page, "decideAcceptance", "受理审查");

        // Upload a receipt, see it listed with its size and uploader, download it back.
        var documents = page.Locator("[data-test=documents]");
        var receipt = Encoding.UTF8.GetBytes("购物小票：酸奶 2 盒，共 12.80 元，2026-11-20。");
        await documents.Locator("[data-test=document-file]").SetInputFilesAsync(new FilePayload { Name = "小票.txt", MimeType = "text/plain", Buffer = receipt });
        await documents.Locator("[data-test=document-upload]").ClickAsync();
        var row = documents.Locator("[data-test=document-row]").Filter(new() { HasTextString = "小票.txt" });
        await Expect(row).ToContainTextAsync($"{receipt.Length} B");
        await Expect(row).ToContainTextAsync("受理员 张敏");
        await Expect(row).ToContainTextAsync("证据");
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-test=document-download]").ClickAsync());
        Assert.Equal("小票.txt", download.SuggestedFilename);
        Assert.Equal(receipt, await File.ReadAllBytesAsync(await download.PathAsync(), cancellation));

        // A file whose content is not an accepted type, and one over the limit (1 MB in this fixture): refused, in Chinese.
        await documents.Locator("[data-test=document-file]").SetInputFilesAsync(new FilePayload { Name = "tool.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] });
        await documents.Locator("[data-test=document-upload]").ClickAsync();
        await Expect(documents.Locator("[data-test=upload-error]")).ToContainTextAsync("文件类型不允许");
        await documents.Locator("[data-test=document-file]").SetInputFilesAsync(new FilePayload { Name = "大文件.txt", MimeType = "text/plain", Buffer = Enumerable.Repeat((byte)'a', 1024 * 1024 + 10).ToArray() });
        await documents.Locator("[data-test=document-upload]").ClickAsync();
        await Expect(documents.Locator("[data-test=upload-error]")).ToContainTextAsync("文件过大：单个文件不能超过 1 MB");
        await Expect(documents.Locator("[data-test=document-row]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case-documents"), FullPage = true });

        var stored = await api.GetFromJsonAsync<JsonArray>($"/api/cases/{caseId}/documents", cancellation);
        Assert.Equal("小票.txt", Assert.Single(stored!)!["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_handler_without_the_intake_role_has_no_intake_form()
    {
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "handler1");
        await Expect(page.Locator("[data-test=nav-workbench]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=nav-intake]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=nav-dashboard]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Art17_signs_must_be_noted_before_accepting_and_lead_to_a_refusal_on_Art16_3()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);

        // Five complaints from one phone number within 30 days raise frequent-complainant on the fifth.
        Journeys.CreatedCase? fifth = null;
        for (var i = 1; i <= 5; i++)
        {
            fifth = await CreateFromPhoneAsync(intake, "13700001111", $"第{i}次投诉：标签不符要求十倍赔偿");
        }

        var taskId = await AcceptanceTaskAsync(intake, fifth!.Id);
        (await intake.PostAsync($"/api/tasks/{taskId}/claim", null, cancellation)).EnsureSuccessStatusCode();

        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "intake");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/cases/{fifth.Id}");
        var warnings = page.Locator("[data-test=case-warnings]");
        await Expect(warnings.Locator("[data-code=frequent-complainant]")).ToContainTextAsync("短时间内多次投诉");
        await Expect(warnings).ToContainTextAsync("同一联系电话在 30 日内提出 5 件投诉");

        // Accepting without noting the signs is stopped before anything is sent.
        var form = page.Locator("[data-test=complete-form]");
        await form.GetByText("受理", new() { Exact = true }).ClickAsync();
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(form.Locator("[data-test=complete-problem]")).ToContainTextAsync("请先勾选");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case-art17-warnings"), FullPage = true });
        Assert.Equal("open", (await TaskAsync(intake, fifth.Id, "open"))["state"]!.GetValue<string>());

        // The warning panel's refusal fills the Art. 16(3) ground and a reason; completing refuses the complaint.
        await warnings.Locator("[data-test=warnings-refuse]").ClickAsync();
        await Expect(Journeys.Field(form, "refusalReason").Locator("textarea").First).Not.ToHaveValueAsync("");
        await Expect(Journeys.Field(form, "refusalGround").Locator("input[role=combobox]")).ToHaveValueAsync(new Regex("第三项"));
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.GetByText("已办结")).ToBeVisibleAsync();

        var task = await TaskAsync(intake, fifth.Id, "completed");
        Assert.Equal("completed", task["state"]!.GetValue<string>());
        Assert.Equal("refuse", task["outcome"]!.GetValue<string>());
        var instance = await intake.GetFromJsonAsync<JsonObject>($"/api/cases/{fifth.Id}", cancellation);
        var instanceState = await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{instance!["processInstanceId"]!.GetValue<Guid>()}", cancellation);
        Assert.Equal("not-consumption", instanceState!["variables"]!["refusalGround"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queue_filters_find_a_case_by_text_and_show_only_urgent_tasks()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var late = await Journeys.CreateComplaintAsync(intake, "筛选测试：超期的投诉", TimeProvider.System.GetUtcNow().AddDays(-21));
        var fresh = await Journeys.CreateComplaintAsync(intake, "筛选测试：新投诉");

        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, "intake");
        await Journeys.ShowQueueAsync(page, "待认领");
        await Expect(Journeys.RowOf(page, fresh.Number)).ToBeVisibleAsync();

        await page.Locator("input[name=queueSearch]").FillAsync("筛选测试");
        await Expect(page.Locator("[data-test=task-table] tbody tr")).ToHaveCountAsync(2);
        await page.Locator("input[name=queueSearch]").FillAsync(late.Number);
        await Expect(page.Locator("[data-test=task-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(Journeys.RowOf(page, late.Number)).ToBeVisibleAsync();

        await page.Locator("input[name=queueSearch]").FillAsync("筛选测试");
        await page.Locator("[data-test=filter-urgent]").ClickAsync();
        await Expect(Journeys.RowOf(page, late.Number)).ToBeVisibleAsync();
        await Expect(Journeys.RowOf(page, fresh.Number)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=filter-count]")).ToContainTextAsync("显示 1 /");
    }

    /// <summary>The diagram marks the step, or the step list marks it when the process has no diagram information.</summary>
    internal static async Task ExpectCurrentStepAsync(IPage page, string elementId, string name)
    {
        var position = page.Locator("[data-test=process-position]");
        await Expect(position.Locator("[data-test=current-steps]")).ToContainTextAsync(name);
        await Expect(position).ToHaveAttributeAsync("data-mode", new Regex("^(diagram|steps)$"));
        if (await position.GetAttributeAsync("data-mode") == "diagram")
        {
            await Expect(position.Locator($".djs-element.cf-current[data-element-id={elementId}]")).ToHaveCountAsync(1);
        }
        else
        {
            await Expect(position.Locator($"[data-step={elementId}]")).ToHaveAttributeAsync("data-current", "true");
            await Expect(position.Locator("[data-current=true]")).ToHaveCountAsync(1);
        }
    }

    private static ILocator FieldOf(IPage page, string name) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"[name='{name}']") });

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.Locator($"[data-test={select}]").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    private static async Task<Journeys.CreatedCase> CreateFromPhoneAsync(HttpClient intake, string phone, string subject)
    {
        var response = await intake.PostAsJsonAsync("/api/cases", new
        {
            kind = "complaint",
            channel = "hotline",
            complainant = new { name = "赵强", phone, address = "城关区民主路3号" },
            respondent = new { name = "城关食品店", address = "城关区解放路20号" },
            category = "food",
            subject,
            description = subject + "，商品标签与实物不符。",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"creating the case failed: {(int)response.StatusCode} {body}");
        return new Journeys.CreatedCase(body!["id"]!.GetValue<Guid>(), body["number"]!.GetValue<string>());
    }

    private static async Task<Guid> AcceptanceTaskAsync(HttpClient api, Guid caseId)
    {
        var tasks = await api.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=candidate&caseId={caseId}");
        return tasks!["items"]!.AsArray().Single(t => t!["elementId"]!.GetValue<string>() == "decideAcceptance")!["id"]!.GetValue<Guid>();
    }

    private static async Task<JsonObject> TaskAsync(HttpClient api, Guid caseId, string state)
    {
        var tasks = await api.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=mine&state={state}&caseId={caseId}");
        return tasks!["items"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["elementId"]!.GetValue<string>() == "decideAcceptance");
    }
}
