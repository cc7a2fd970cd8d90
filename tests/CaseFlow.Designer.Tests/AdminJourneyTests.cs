using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Designer.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseFlow.Designer.Tests;

/// <summary>
/// The administration pages in the browser: the directory (users, groups, offices), the holiday calendar with the
/// impact of a change, rule sets with the server's field paths, letter templates with a preview, and an incident
/// retried from the operations page.
/// </summary>
public sealed class AdminJourneyTests(DesignerFixture designer) : IClassFixture<DesignerFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Admin_creates_a_user_changes_its_groups_and_disables_it()
    {
        var userName = "clerk" + Guid.NewGuid().ToString("N")[..5];
        var page = await SignedInAsync("admin");
        await page.Locator("[data-test=nav-admin]").ClickAsync();
        await page.Locator("[data-test=nav-directory]").ClickAsync();
        await Expect(page.Locator("[data-test=user-name]", new() { HasTextString = "handler1" })).ToBeVisibleAsync();

        await page.Locator("input[name=newUserName]").FillAsync(userName);
        await page.Locator("input[name=newDisplayName]").FillAsync("书记员 周航");
        await page.Locator("input[name=newPassword]").FillAsync("short");
        await page.Locator("input[name=newRoles]").FillAsync("Handler");
        await page.Locator("input[name=newGroups]").FillAsync("office-1");
        await page.Locator("[data-test=create-user]").ClickAsync();
        await Expect(page.GetByText("密码至少 12 个字符")).ToBeVisibleAsync();
        await page.Locator("input[name=newPassword]").FillAsync("a-long-enough-secret-7");
        await page.Locator("[data-test=create-user]").ClickAsync();
        var row = page.Locator("[data-test=user-table] tbody tr").Filter(new() { Has = page.Locator("[data-test=user-name]", new() { HasTextString = userName }) });
        await Expect(row.Locator("[data-test=user-groups]")).ToHaveTextAsync("office-1");

        await row.Locator("[data-test=edit-membership]").ClickAsync();
        await row.Locator("input[name=editGroups]").FillAsync("office-2, intake");
        await row.Locator("[data-test=save-membership]").ClickAsync();
        await Expect(row.Locator("[data-test=user-groups]")).ToHaveTextAsync("office-2, intake");
        await page.GetByRole(AriaRole.Tab, new() { Name = "组" }).ClickAsync();
        await Expect(page.Locator("[data-test=group-row][data-group=office-2] [data-test=group-members]")).ToContainTextAsync(userName);
        await Expect(page.Locator("[data-test=group-row][data-group=office-1] [data-test=group-members]")).Not.ToContainTextAsync(userName);
        await page.GetByRole(AriaRole.Tab, new() { Name = "用户", Exact = true }).ClickAsync();

        using var anonymous = new HttpClient { BaseAddress = designer.Server.BaseAddress };
        var before = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "a-long-enough-secret-7" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await row.Locator("[data-test=toggle-user]").ClickAsync();
        await Expect(row.Locator("[data-test=user-state]")).ToHaveTextAsync("已停用");
        var after = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "a-long-enough-secret-7" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("admin-directory"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "机构" }).ClickAsync();
        await page.Locator("input[name=officeId]").FillAsync("office-9");
        await page.Locator("input[name=officeName]").FillAsync("高新区市场监管所");
        await page.Locator("[data-test=save-office]").ClickAsync();
        await Expect(page.Locator("[data-test=office-row]").Filter(new() { HasText = "office-9" })).ToContainTextAsync("高新区市场监管所");
    }

    [Fact]
    public async Task A_new_holiday_shows_the_deadlines_it_moves_before_it_is_confirmed()
    {
        using var intake = await designer.Server.ClientForAsync("intake", TestContext.Current.CancellationToken);
        var complaint = await Journeys.CreateComplaintAsync(intake, "日历影响测试");
        using var admin = await designer.Server.ClientForAsync("admin", TestContext.Current.CancellationToken);
        var acceptance = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", TestContext.Current.CancellationToken))!["deadlines"]!.AsArray()
            .First(d => (string)d!["state"]! == "running")!;
        var oldDue = DateOnly.Parse((string)acceptance["dueDate"]!, CultureInfo.InvariantCulture);

        // A working day inside the acceptance period becomes a holiday: the period ends one working day later.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var holiday = today.AddDays(2);
        while (holiday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            holiday = holiday.AddDays(1);
        }

        var page = await SignedInAsync("admin");
        await page.GotoAsync("/admin/calendar");
        await Expect(page.Locator("[data-test=year-row]").First).ToBeVisibleAsync();
        await page.Locator("input[name=year]").FillAsync(holiday.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("input[name=year]").PressAsync("Tab");
        await page.Locator("[data-test=open-other-year]").ClickAsync();
        var holidays = page.Locator("textarea[name=holidays]");
        await Expect(page.Locator("[data-test=year-editor]")).ToBeVisibleAsync();
        var existing = await holidays.InputValueAsync();

        // First a line the server refuses, with the field it names.
        await holidays.FillAsync(existing + $"\n{holiday.Year}-02-30 不存在的日子");
        await holidays.PressAsync("Tab");
        await page.Locator("[data-test=preview-impact]").ClickAsync();
        await Expect(page.Locator("[data-test=calendar-errors]")).ToContainTextAsync("holidays[");

        await holidays.FillAsync(existing + $"\n{holiday:yyyy-MM-dd} 临时假日");
        await holidays.PressAsync("Tab");
        await page.Locator("[data-test=preview-impact]").ClickAsync();
        var impactRow = page.Locator("[data-test=impact-row]").Filter(new() { HasText = oldDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await Expect(impactRow.First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=impact-title]")).ToContainTextAsync("生效后将改变");
        var unchanged = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", TestContext.Current.CancellationToken))!["deadlines"]!.AsArray();
        Assert.Contains(unchanged, d => (string)d!["dueDate"]! == oldDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("admin-calendar"), FullPage = true });

        await page.Locator("[data-test=confirm-year]").ClickAsync();
        await Expect(page.Locator("[data-test=impact-title]")).ToContainTextAsync("已生效");
        var moved = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{complaint.Id}", TestContext.Current.CancellationToken))!["deadlines"]!.AsArray()
            .First(d => (string)d!["id"]! == (string)acceptance["id"]!)!;
        Assert.True(DateOnly.Parse((string)moved["dueDate"]!, CultureInfo.InvariantCulture) > oldDue, "confirming did not move the acceptance deadline");
    }

    [Fact]
    public async Task A_rule_set_edit_shows_the_servers_field_path_then_saves()
    {
        var page = await SignedInAsync("legal");
        await page.Locator("[data-test=nav-admin]").ClickAsync();
        await page.Locator("[data-test=nav-rulesets]").ClickAsync();
        await page.Locator("[data-test=ruleset][data-id=O310]").ClickAsync();
        var editor = page.Locator("textarea[name=ruleSetJson]");
        await Expect(editor).ToContainTextAsync("\"id\": \"O310\"");
        var set = JsonNode.Parse(await editor.InputValueAsync())!;

        set["rules"]![0]!["amount"] = 0;
        await editor.FillAsync(set.ToJsonString(Indented));
        await editor.PressAsync("Tab");
        await page.Locator("[data-test=save-ruleset]").ClickAsync();
        await Expect(page.Locator("[data-test=ruleset-error][data-field='rules[0].amount']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=ruleset-error][data-field='rules[0].amount']")).ToContainTextAsync("期限数值须在 1 到");
        await Expect(page.Locator("[data-test=ruleset-error][data-field='rules[0].amount']")).Not.ToContainTextAsync("must be between");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("admin-rulesets"), FullPage = true });

        set = JsonNode.Parse(await editor.InputValueAsync())!;
        using var legal = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        var stored = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O310", TestContext.Current.CancellationToken))!;
        set["rules"]![0]!["amount"] = stored["rules"]![0]!["amount"]!.DeepClone();
        set["rules"]![0]!["warningsBefore"] = new JsonArray("1d");
        await editor.FillAsync(set.ToJsonString(Indented));
        await editor.PressAsync("Tab");
        await page.Locator("[data-test=save-ruleset]").ClickAsync();
        await Expect(page.Locator("[data-test=ruleset-errors]")).ToHaveCountAsync(0);
        await Expect(page.GetByText("已保存")).ToBeVisibleAsync();
        var saved = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O310", TestContext.Current.CancellationToken))!;
        Assert.Equal(["1d"], saved["rules"]![0]!["warningsBefore"]!.AsArray().Select(w => (string)w!));
    }

    [Fact]
    public async Task A_letter_template_is_edited_refused_for_an_unknown_field_saved_and_previewed()
    {
        var page = await SignedInAsync("legal");
        await page.GotoAsync("/admin/letters");
        var row = page.Locator("[data-test=template-row][data-code=acceptance]");
        var version = int.Parse(await row.Locator("[data-test=template-version]").InnerTextAsync(), CultureInfo.InvariantCulture);
        await row.ClickAsync();
        var body = page.Locator("textarea[name=body]");
        await Expect(body).Not.ToBeEmptyAsync();
        var original = await body.InputValueAsync();

        await body.FillAsync(original + "\n罚款 {{fineAmount}} 元");
        await body.PressAsync("Tab");
        await page.Locator("[data-test=save-template]").ClickAsync();
        await Expect(page.Locator("[data-test=template-editor]")).ToContainTextAsync("fineAmount");
        await Expect(row.Locator("[data-test=template-version]")).ToHaveTextAsync(version.ToString(CultureInfo.InvariantCulture));

        await body.FillAsync(original + "\n（本告知书由系统生成）");
        await body.PressAsync("Tab");
        await page.Locator("[data-test=save-template]").ClickAsync();
        await Expect(row.Locator("[data-test=template-version]")).ToHaveTextAsync((version + 1).ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-test=preview-template]").ClickAsync();
        await Expect(page.Locator("[data-test=preview-body]")).ToContainTextAsync("（本告知书由系统生成）");
        await Expect(page.Locator("[data-test=preview-subject]")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("admin-letters"), FullPage = true });
    }

    [Fact]
    public async Task An_incident_is_retried_from_the_operations_page_and_the_instance_continues()
    {
        var key = "assign-" + Guid.NewGuid().ToString("N")[..6];
        using var legal = await designer.Server.ClientForAsync("legal", TestContext.Current.CancellationToken);
        using var content = new StringContent(FailingAssignment(key), Encoding.UTF8, "application/xml");
        Assert.Equal(HttpStatusCode.OK, (await legal.PutAsync($"/api/processes/{key}/draft", content, TestContext.Current.CancellationToken)).StatusCode);
        (await legal.PostAsync($"/api/processes/{key}/publish", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { variables = new { targetOffice = "" } }, TestContext.Current.CancellationToken);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<Guid>();

        var page = await SignedInAsync("admin");
        await page.Locator("[data-test=nav-admin]").ClickAsync();
        await page.Locator("[data-test=nav-operations]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^流程故障") }).ClickAsync();
        var incident = page.Locator($"[data-test=incident-row][data-instance='{instanceId}']");
        for (var attempt = 0; attempt < 30 && await incident.CountAsync() == 0; attempt++)
        {
            await page.Locator("[data-test=refresh]").ClickAsync(); // the retry budget (one retry after a second) runs out first
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        await Expect(incident).ToContainTextAsync("assign");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Screenshot("admin-operations"), FullPage = true });

        // The operator fixes the missing office (through the API, as the instance page would) and retries here.
        using var admin = await designer.Server.ClientForAsync("admin", TestContext.Current.CancellationToken);
        (await admin.PutAsJsonAsync($"/api/instances/{instanceId}/variables", new { set = new { targetOffice = "office-1" }, reason = "补填监管所" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await incident.Locator("[data-test=retry-incident]").ClickAsync();
        await Expect(incident).ToHaveCountAsync(0);
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", TestContext.Current.CancellationToken))!;
        Assert.Equal(["review"], instance["activeElementIds"]!.AsArray().Select(e => (string)e!));

        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^待发邮件（\\d+）") }).ClickAsync();
        await Expect(page.Locator("[data-test=outbox-table]")).ToBeVisibleAsync();
        // The tab lists only the mail still to send; sent mail is one chip away.
        foreach (var state in await page.Locator("[data-test=outbox-state]").AllTextContentsAsync())
        {
            Assert.Equal("待发送", state);
        }
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await designer.NewPageAsync();
        await Journeys.SignInAsync(page, userName);
        await Expect(page).ToHaveURLAsync(new Regex("/workbench$"));
        return page;
    }

    /// <summary>start → assign (AssignToOffice from <c>targetOffice</c>; empty makes it fail; one retry) → review → end.</summary>
    private static string FailingAssignment(string key) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="urn:test">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="assign" />
            <bpmn:serviceTask id="assign" caseflow:activity="AssignToOffice" caseflow:retries="1" caseflow:retryBackoff="PT1S">
              <bpmn:extensionElements><caseflow:input name="officeId" expression="targetOffice" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="assign" targetRef="review" />
            <bpmn:userTask id="review" name="审核" caseflow:candidateGroups="office-1" />
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
