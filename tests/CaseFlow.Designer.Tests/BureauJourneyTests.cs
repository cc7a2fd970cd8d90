using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// Issue 19 as a bureau's people meet it: names instead of logins and office ids, pickers from the directory, the
/// timeline in Chinese, a handler on a phone (390×844) and a chief on a laptop (1366×768), a case link opened in a new
/// tab, no 401s in the console, and the designer's confirmation before publishing. Screenshots go to docs/screenshots.
/// </summary>
public sealed partial class BureauJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    [Fact]
    public async Task A_handler_on_a_phone_sees_names_reads_deadlines_and_completes_a_step()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(intake, "手机端：电饭煲内胆脱漆");
        await Journeys.AcceptAsync(intake, complaint.Id, "office-1");
        var (page, consoleErrors) = await PageAsync(Phone);

        await Journeys.SignInAsync(page, "handler1");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await ExpectFitsAsync(page, Phone);
        // The bar keeps to one line with the menu, language and sign-out reachable; the menu is in the drawer.
        var bar = await page.Locator(".app-bar").BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"the app bar is {bar.Height} px high: it wraps");
        await Expect(page.Locator("[data-test=signout-icon]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=language]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=nav-workbench]")).ToBeHiddenAsync();

        // Every tab has its count before it is opened.
        await Expect(page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex(@"^待认领 \([1-9]\d*\)$") })).ToBeVisibleAsync();
        await Journeys.ShowQueueAsync(page, "待认领");
        var row = Journeys.RowOf(page, complaint.Number);
        await Expect(row.Locator("[data-test=assignee]")).ToHaveTextAsync("待认领：城关市场监管所");
        await Expect(row.Locator("[data-test=assignee] [data-groups]")).ToHaveAttributeAsync("title", "office-1");
        await ExpectFitsAsync(page, Phone);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("phone-workbench"), FullPage = true });

        var drawer = page.Locator("[data-test=nav-drawer]");
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await page.Locator("[data-test=nav-toggle]").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await Expect(drawer).ToContainTextAsync("办案员 李强（城关所）");
        await page.WaitForTimeoutAsync(500); // the drawer slides in
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("phone-menu") });
        await page.Locator("[data-test=drawer-nav-workbench]").ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

        await row.Locator("[data-test=open]").ClickAsync();
        await Expect(page.Locator("[data-test=case-title]")).ToContainTextAsync(complaint.Number);
        await Expect(page.Locator("[data-test=case-office]")).ToHaveTextAsync("城关市场监管所");
        await Expect(page.Locator("[data-test=case-office] [data-office]")).ToHaveAttributeAsync("title", "office-1");
        await Expect(page.Locator("[data-test=deadlines]")).ToContainTextAsync("剩余");
        await ExpectTimelineInChineseAsync(page);
        await ExpectFitsAsync(page, Phone);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("phone-case"), FullPage = true });

        // Complete the step (the complainant withdrew) in its form: the outcome shows the field it needs.
        var form = page.Locator("[data-test=complete-form]").First;
        await form.GetByText("投诉人撤回投诉", new() { Exact = true }).ClickAsync();
        await Journeys.FillFieldAsync(form, "mediationResult", "投诉人撤回投诉");
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.GetByText("已办结").First).ToBeVisibleAsync();
        await ExpectFitsAsync(page, Phone);

        await page.Locator("[data-test=signout-icon]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await Expect(page.Locator("input[name=userName]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("phone-signin") });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_chief_on_a_laptop_reads_deadlines_on_one_line_and_reassigns_with_a_picker()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(intake, "笔记本：空调安装费争议");
        var (page, consoleErrors) = await PageAsync(Laptop);
        await Journeys.SignInAsync(page, "chief");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await Expect(page.Locator("[data-test=user]")).ToHaveTextAsync("局长 赵刚");
        await Expect(page.Locator("[data-test=user]")).ToHaveAttributeAsync("title", "chief");
        await ExpectFitsAsync(page, Laptop);

        await Journeys.ShowQueueAsync(page, "全部");
        var row = Journeys.RowOf(page, complaint.Number);
        await Expect(row.Locator("[data-test=assignee]")).ToHaveTextAsync("待认领：受理组");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("laptop-workbench") });

        // 改派 the acceptance review: the intake desk first; an office handler only with a warning, confirmed.
        await row.Locator("[data-test=assign]").ClickAsync();
        var people = page.Locator("[data-test=assign-person]");
        await Expect(people).ToHaveCountAsync(1);
        await Expect(people.First).ToContainTextAsync("受理员 张敏");
        await CheckAsync(page, "assign-showall");
        await page.Locator("[data-test=assign-person][data-login=handler1] input").CheckAsync();
        await Expect(page.Locator("[data-test=assign-warning]")).ToContainTextAsync("受理审查是受理组的决定");
        await Expect(page.Locator("[data-test=assign-confirm]")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("assign-warning") });
        await CheckAsync(page, "assign-confirm-warning");
        await Expect(page.Locator("[data-test=assign-confirm]")).ToBeEnabledAsync();
        await page.Locator("[data-test=assign-person][data-login=intake] input").CheckAsync();
        await Expect(page.Locator("[data-test=assign-warning]")).ToHaveCountAsync(0);
        await page.Locator("[data-test=assign-confirm]").ClickAsync();
        await Expect(page.GetByText("已改派给 受理员 张敏")).ToBeVisibleAsync();

        await page.GotoAsync($"/cases/{complaint.Id}");
        await Expect(page.Locator("[data-test=case-office]")).ToHaveTextAsync("未分派（受理审查中）");
        await Expect(page.Locator("[data-test=task-assignee]")).ToContainTextAsync("受理员 张敏");
        foreach (var cell in await page.Locator("[data-test=deadline-due]").AllAsync())
        {
            var lines = await cell.EvaluateAsync<int>("td => { const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }");
            Assert.Equal(1, lines);
        }

        await ExpectFitsAsync(page, Laptop);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("laptop-case") });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Accepting_chooses_the_office_from_the_directory_and_the_timeline_says_so_in_Chinese()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(intake, "受理分派：燃气灶打不着火");
        var (page, consoleErrors) = await PageAsync(Laptop);
        await Journeys.SignInAsync(page, "intake");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/cases/{complaint.Id}");
        var form = page.Locator("[data-test=complete-form]");
        await Expect(form).ToBeVisibleAsync();
        if (await page.Locator("[data-test=warnings-acknowledge]").CountAsync() > 0)
        {
            // the journeys' complaints share one text, so the Art. 17 sign of templated complaints shows: note it first
            await CheckAsync(page, "warnings-acknowledge");
        }

        await form.GetByText("受理", new() { Exact = true }).ClickAsync();
        // The acceptance form's office field is a directory picker: the district table's suggestion first, any office chosen.
        await Journeys.ChooseAsync(page, form, "officeId", "开发区市场监管所");
        Assert.Contains("开发区市场监管所", await Journeys.FieldTextAsync(form, "officeId"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case-office-picker") });
        await form.Locator("[data-test=complete]").ClickAsync();
        await Expect(page.Locator("[data-test=case-office]")).ToHaveTextAsync("开发区市场监管所");

        var timeline = page.Locator("[data-test=timeline]");
        await Expect(timeline.Locator("[data-event=OfficeAssigned]")).ToHaveTextAsync("分派承办机构");
        await Expect(timeline).ToContainTextAsync("办理结果： 受理");
        await ExpectTimelineInChineseAsync(page);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("case-timeline"), FullPage = true });

        using var chief = await designer.Server.ClientForAsync("chief", cancellation);
        var detail = await chief.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", cancellation);
        Assert.Equal("office-2", detail!["officeId"]!.GetValue<string>());
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_case_link_opened_signed_out_returns_to_the_case_after_sign_in_without_401s()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var intake = await designer.Server.ClientForAsync("intake", cancellation);
        var complaint = await Journeys.CreateComplaintAsync(intake, "新标签页：洗衣机噪音");
        var (page, consoleErrors) = await PageAsync(Laptop);

        await page.GotoAsync($"/cases/{complaint.Id}");
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl="));
        await page.Locator("input[name=userName]").FillAsync("intake");
        await page.Locator("input[name=password]").FillAsync("caseflow-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{complaint.Id}$"));
        await Expect(page.Locator("[data-test=case-title]")).ToContainTextAsync(complaint.Number);

        await page.Locator("[data-test=signout]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.ReloadAsync();
        await Expect(page.Locator("input[name=userName]")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000);
        Assert.Empty(consoleErrors);

        using var anonymous = new HttpClient { BaseAddress = designer.Server.BaseAddress };
        foreach (var icon in new[] { "/favicon.ico", "/favicon.png" })
        {
            var response = await anonymous.GetAsync(icon, cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }

        await Expect(page.Locator("link[rel=icon]")).ToHaveAttributeAsync("href", new Regex("favicon"));
    }

    [Fact]
    public async Task Publishing_shows_the_changes_and_the_running_instances_first()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var key = "confirm-" + Guid.NewGuid().ToString("N")[..6];
        using var legal = await designer.Server.ClientForAsync("legal", cancellation);
        using var content = new StringContent(OneStep(key), Encoding.UTF8, "application/xml");
        (await legal.PutAsync($"/api/processes/{key}/draft", content, cancellation)).EnsureSuccessStatusCode();
        (await legal.PostAsync($"/api/processes/{key}/publish", null, cancellation)).EnsureSuccessStatusCode();
        (await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { variables = new { } }, cancellation)).EnsureSuccessStatusCode();

        var (page, consoleErrors) = await PageAsync(new ViewportSize { Width = 1400, Height = 900 });
        await Journeys.SignInAsync(page, "legal");
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        await page.GotoAsync($"/processes/{key}");
        await Expect(page.Locator("[data-test=process-title]")).ToContainTextAsync("价格复核");
        await Expect(page.Locator("[data-test=process-key]")).ToContainTextAsync(key);
        await Expect(page.Locator("[data-test=draft-marker]")).ToHaveCountAsync(0);

        // A user task nobody may take is an error here, marked on its element.
        var canvas = page.Locator("[data-test=canvas]");
        await canvas.Locator(".djs-element[data-element-id=review]").ClickAsync();
        await Expect(page.Locator("[data-test=properties]")).ToHaveAttributeAsync("data-element", "review");
        await page.Locator("[data-test=palette-userTask]").ClickAsync();
        await Expect(page.Locator("[data-test=properties]")).Not.ToHaveAttributeAsync("data-element", "review");
        await SetPropertyAsync(page, "name", "复核签字");
        await page.Locator("[data-test=palette-endEvent]").ClickAsync();
        await page.Locator("[data-test=save]").ClickAsync();
        await Expect(page.Locator("[data-test=draft-marker]")).ToHaveTextAsync("草稿");
        await Expect(page.Locator("[data-test=validation-error]")).ToContainTextAsync("没有办理人或候选组");
        await page.Locator("[data-test=publish]").ClickAsync();
        await Expect(page.Locator("[data-test=publish-dialog]")).ToHaveCountAsync(0);

        await page.Locator("[data-test=validation-error]").First.ClickAsync(); // selects the task the error is about
        await SetPropertyAsync(page, "candidateGroups", "legal");
        await page.Locator("[data-test=publish]").ClickAsync();
        await Expect(page.Locator("[data-test=publish-added]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=publish-added]").Filter(new() { HasTextString = "审核 → 复核签字" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=publish-running]")).ToContainTextAsync("1 个运行中的实例仍按第 1 版办理完毕");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("designer-publish-confirm") });
        await page.Locator("[data-test=publish-confirm]").ClickAsync();
        await Expect(page.Locator("[data-test=published-version]")).ToHaveTextAsync("第 2 版");
        await Expect(page.Locator("[data-test=draft-marker]")).ToHaveCountAsync(0);
        Assert.Empty(consoleErrors);
    }

    /// <summary>Ticks a MudBlazor check box by its data-test, whether the attribute landed on the input or around it.</summary>
    private static Task CheckAsync(IPage page, string test) =>
        page.Locator($"input[data-test={test}], [data-test={test}] input").First.CheckAsync();

    private static async Task SetPropertyAsync(IPage page, string property, string value)
    {
        var input = page.Locator($"[data-test=properties] input[data-prop={property}]");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Expect(input).ToHaveValueAsync(value);
    }

    /// <summary>A fresh tab at the given size; console errors (a 401 among them) are collected for the test to check.</summary>
    private async Task<(IPage Page, List<string> ConsoleErrors)> PageAsync(ViewportSize size)
    {
        var page = await designer.NewPageAsync();
        await page.SetViewportSizeAsync(size.Width, size.Height);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // 401s (a call without a session) and failures of the app itself; a 404 for a draft that does not exist is not one.
            if (message.Type == "error" && (message.Text.Contains("401", StringComparison.Ordinal) || !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)))
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        return (page, errors);
    }

    /// <summary>The page is no wider than the screen: nothing scrolls sideways.</summary>
    private static async Task ExpectFitsAsync(IPage page, ViewportSize size)
    {
        await page.WaitForTimeoutAsync(300); // layout after the last render
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= size.Width, $"{page.Url} is {width} px wide on a {size.Width} px screen");
    }

    /// <summary>Events by label (code in the tooltip), statuses and outcomes in words: no English code in the details.</summary>
    private static async Task ExpectTimelineInChineseAsync(IPage page)
    {
        var timeline = page.Locator("[data-test=timeline]");
        await Expect(timeline).ToBeVisibleAsync();
        var text = await timeline.InnerTextAsync();
        Assert.DoesNotMatch(EnglishCode(), text);
        foreach (var label in await timeline.Locator("[data-event]").AllInnerTextsAsync())
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label);
        }
    }

    [GeneratedRegex(@"Registered|Accepted|Instance[A-Z]|outcome '|\bvia\b|\bsatisfied\b|office-\d|TaskCreated|→ Assigned")]
    private static partial Regex EnglishCode();

    private static string OneStep(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                          xmlns:caseflow="urn:caseflow:bpmn:1" id="defs" targetNamespace="urn:test">
          <bpmn:process id="{key}" name="价格复核" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="legal" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="{key}">
            <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
