using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CaseFlow.Designer.Tests.Fixtures;

/// <summary>The steps every journey shares: setting up a case through the API and signing in through the page.</summary>
public static class Journeys
{
    public sealed record CreatedCase(Guid Id, string Number);

    /// <summary>Registers a complaint as the intake desk would, through the public API.</summary>
    public static async Task<CreatedCase> CreateComplaintAsync(HttpClient intake, string subject, DateTimeOffset? receivedAt = null)
    {
        var response = await intake.PostAsJsonAsync("/api/cases", new
        {
            kind = "complaint",
            channel = "hotline",
            receivedAt,
            complainant = new { name = "刘洋", phone = "13800138000", email = "liu@example.org", address = "城关区人民路12号" },
            respondent = new { name = "城关家电商行", address = "城关区解放路88号" },
            category = "家用电器",
            subject,
            description = "使用两次后漏电，商家拒绝退货。",
            amountInvolved = 199,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"creating the case failed: {(int)response.StatusCode} {body}");
        return new CreatedCase(body!["id"]!.GetValue<Guid>(), body["number"]!.GetValue<string>());
    }

    /// <summary>The intake desk accepts the complaint and assigns it to an office, through the API.</summary>
    public static async Task AcceptAsync(HttpClient intake, Guid caseId, string officeId)
    {
        var tasks = await intake.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=candidate&caseId={caseId}");
        var taskId = tasks!["items"]!.AsArray().Single(t => t!["elementId"]!.GetValue<string>() == "decideAcceptance")!["id"]!.GetValue<Guid>();
        (await intake.PostAsync($"/api/tasks/{taskId}/claim", null)).EnsureSuccessStatusCode();
        var completed = await intake.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "accept", variables = new { officeId } });
        Assert.True(completed.IsSuccessStatusCode, $"accepting failed: {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
    }

    public static async Task SignInAsync(IPage page, string userName, string password = "caseflow-demo")
    {
        await page.GotoAsync("/signin");
        await page.Locator("input[name=userName]").FillAsync(userName);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>The workbench row of a case in the queue that is showing.</summary>
    public static ILocator RowOf(IPage page, string caseNumber) =>
        page.Locator("[data-test=task-table] tbody tr").Filter(new() { Has = page.Locator("[data-test=case-number]", new() { HasTextString = caseNumber }) });

    /// <summary>In the open 改派 dialog, picks a person from the directory and confirms.</summary>
    public static async Task AssignInDialogAsync(IPage page, string login)
    {
        await page.Locator($"[data-test=assign-person][data-login={login}] input").CheckAsync();
        await page.Locator("[data-test=assign-confirm]").ClickAsync();
    }

    public static Task ShowQueueAsync(IPage page, string queueName) =>
        page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + queueName) }).ClickAsync();

    /// <summary>The wrapper of a task form's field (<c>data-field</c> = the variable it writes).</summary>
    public static ILocator Field(ILocator form, string key) => form.Locator($"[data-field={key}]");

    /// <summary>Types into a text, textarea or number field of a task form.</summary>
    public static Task FillFieldAsync(ILocator form, string key, string text) =>
        Field(form, key).Locator("textarea:not([aria-hidden=true]), input:not([type=file]):not([type=hidden])").First.FillAsync(text);

    /// <summary>Opens a select field of a task form and picks the option with that label.</summary>
    public static async Task ChooseAsync(IPage page, ILocator form, string key, string optionLabel)
    {
        await Field(form, key).Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(optionLabel, new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>The values of the inputs inside a field (a select's combobox shows its option's label, a hidden input its value).</summary>
    public static Task<string> FieldTextAsync(ILocator form, string key) =>
        Field(form, key).EvaluateAsync<string>("el => Array.from(el.querySelectorAll('input, textarea')).map(i => i.value).join('|')");
}
