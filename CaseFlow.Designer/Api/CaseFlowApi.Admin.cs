using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Designer.Api;

/// <summary>
/// The calls of the legal officers' version history and file exchange and of the admin pages (docs/api.md): process
/// versions, drafts as files, the directory, the holiday calendar, rule sets, letter templates, the outbox and incidents.
/// </summary>
public sealed partial class CaseFlowApi
{
    public Task<ApiResult<List<ProcessVersionInfo>>> VersionsAsync(string key) =>
        GetAsync<List<ProcessVersionInfo>>($"api/processes/{Uri.EscapeDataString(key)}/versions");

    /// <summary>The draft's XML (<paramref name="version"/> null) or a published version's; null when there is none.</summary>
    public Task<string?> DefinitionXmlAsync(string key, int? version) => GetTextAsync(version is { } v
        ? $"api/processes/{Uri.EscapeDataString(key)}/versions/{v}"
        : $"api/processes/{Uri.EscapeDataString(key)}/draft");

    /// <summary>
    /// Sends a file's bytes unchanged as the draft, so the server sees exactly what was imported (its size, a DTD) and
    /// answers with its own message when it refuses the file.
    /// </summary>
    public async Task<ApiResult<ValidationAnswer>> ImportDraftAsync(string key, byte[] file)
    {
        using var request = Authorized(HttpMethod.Put, $"api/processes/{Uri.EscapeDataString(key)}/draft");
        request.Content = new ByteArrayContent(file);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<ValidationAnswer>(), response.StatusCode)
            : await ApiResult.FailureAsync<ValidationAnswer>(response);
    }

    public Task<ApiResult<List<UserAccount>>> UsersAsync() => GetAsync<List<UserAccount>>("api/admin/users");

    public Task<ApiResult<object>> CreateUserAsync(NewUser user) => SendAsync(HttpMethod.Post, "api/admin/users", user);

    public Task<ApiResult<object>> SetMembershipAsync(string userName, IReadOnlyList<string> roles, IReadOnlyList<string> groups) =>
        SendAsync(HttpMethod.Put, $"api/admin/users/{Uri.EscapeDataString(userName)}/membership", new { roles, groups });

    public Task<ApiResult<object>> SetDisabledAsync(string userName, bool disabled) =>
        SendAsync(HttpMethod.Post, $"api/admin/users/{Uri.EscapeDataString(userName)}/{(disabled ? "disable" : "enable")}", null);

    public Task<ApiResult<List<GroupInfo>>> GroupsAsync() => GetAsync<List<GroupInfo>>("api/admin/groups");

    public Task<ApiResult<List<OfficeInfo>>> OfficesAsync() => GetAsync<List<OfficeInfo>>("api/admin/offices");

    public Task<ApiResult<object>> PutOfficeAsync(string id, string name, string? email) =>
        SendAsync(HttpMethod.Put, $"api/admin/offices/{Uri.EscapeDataString(id)}", new { name, email });

    public Task<ApiResult<List<CalendarYearSummary>>> CalendarYearsAsync() => GetAsync<List<CalendarYearSummary>>("api/calendar/years");

    public Task<ApiResult<CalendarYearDetail>> CalendarYearAsync(int year) => GetAsync<CalendarYearDetail>($"api/calendar/years/{year}");

    public Task<ApiResult<CalendarUpload>> UploadCalendarYearAsync(int year, CalendarYearBody body) =>
        SendForAsync<CalendarUpload>(HttpMethod.Put, $"api/calendar/years/{year}", body);

    public Task<ApiResult<CalendarConfirmation>> ConfirmCalendarYearAsync(int year) =>
        SendForAsync<CalendarConfirmation>(HttpMethod.Post, $"api/calendar/years/{year}/confirm", null);

    /// <summary>The rule sets as the server's JSON: the page edits them as JSON, so nothing it does not know is lost.</summary>
    public Task<ApiResult<JsonArray>> RuleSetsAsync() => GetAsync<JsonArray>("api/rule-sets");

    public Task<ApiResult<object>> PutRuleSetAsync(string id, JsonNode body) => SendAsync(HttpMethod.Put, $"api/rule-sets/{Uri.EscapeDataString(id)}", body);

    public Task<ApiResult<List<TemplateSummary>>> TemplatesAsync() => GetAsync<List<TemplateSummary>>("api/templates");

    public Task<ApiResult<TemplateDetail>> TemplateAsync(string code) => GetAsync<TemplateDetail>($"api/templates/{Uri.EscapeDataString(code)}");

    public Task<ApiResult<TemplateDetail>> PutTemplateAsync(string code, string subject, string body) =>
        SendForAsync<TemplateDetail>(HttpMethod.Put, $"api/templates/{Uri.EscapeDataString(code)}", new { subject, body });

    public Task<ApiResult<TemplatePreview>> PreviewTemplateAsync(string code, Guid? caseId, IReadOnlyDictionary<string, string> variables) =>
        SendForAsync<TemplatePreview>(HttpMethod.Post, $"api/templates/{Uri.EscapeDataString(code)}/preview", new { caseId, variables });

    public Task<ApiResult<Page<OutboxItem>>> OutboxAsync(string? state, int pageSize = 200) =>
        GetAsync<Page<OutboxItem>>("api/admin/outbox?pageSize=" + pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(state) ? "" : "&state=" + state));

    public Task<ApiResult<object>> RetryOutboxAsync(Guid id) => SendAsync(HttpMethod.Post, $"api/admin/outbox/{id}/retry", null);

    public Task<ApiResult<Page<Incident>>> IncidentsAsync() => GetAsync<Page<Incident>>("api/incidents?pageSize=200");

    public Task<ApiResult<object>> RetryIncidentAsync(Guid instanceId) =>
        SendAsync(HttpMethod.Post, $"api/instances/{instanceId}/incident/retry", new { reason = "retried from the admin page" });

    private async Task<ApiResult<T>> SendForAsync<T>(HttpMethod method, string uri, object? body)
    {
        using var response = await SendRequestAsync(method, uri, body);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<T>(), response.StatusCode)
            : await ApiResult.FailureAsync<T>(response);
    }
}
