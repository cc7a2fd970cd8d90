using System.Net.Http.Json;

namespace CaseFlow.Designer.Api;

/// <summary>The calls of the intake form, the case page's documents and diagram, and the supervisor dashboard.</summary>
public sealed partial class CaseFlowApi
{
    /// <summary>The bearer token for calls made from JavaScript (uploads with progress, downloads).</summary>
    public string? AccessToken => session.Current?.AccessToken;

    public async Task<ApiResult<CreatedCase>> CreateCaseAsync(NewCase body, string idempotencyKey)
    {
        using var request = Authorized(HttpMethod.Post, "api/cases");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<CreatedCase>(), response.StatusCode)
            : await ApiResult.FailureAsync<CreatedCase>(response);
    }

    public Task<ApiResult<List<CaseDocument>>> DocumentsAsync(Guid caseId) => GetAsync<List<CaseDocument>>($"api/cases/{caseId}/documents");

    /// <summary>How many instances of a process are running (on any version): they stay on their version when a new one is published.</summary>
    public async Task<int?> RunningInstancesAsync(string key) =>
        (await GetAsync<RunningInstances>($"api/processes/{Uri.EscapeDataString(key)}/running")).Value?.Total;

    private sealed record RunningInstances(int Total);

    public Task<ApiResult<InstancePosition>> InstanceAsync(Guid instanceId) => GetAsync<InstancePosition>($"api/instances/{instanceId}");

    /// <summary>The BPMN XML of one published version; null when it cannot be read.</summary>
    public Task<string?> ProcessVersionXmlAsync(string key, int version) =>
        GetTextAsync($"api/processes/{Uri.EscapeDataString(key)}/versions/{version}");

    public Task<ApiResult<Page<SupervisionItem>>> SupervisionItemsAsync() => GetAsync<Page<SupervisionItem>>("api/supervision-items?state=open&pageSize=200");

    public Task<ApiResult<Page<TaskItem>>> OverdueTasksAsync() => GetAsync<Page<TaskItem>>("api/tasks?overdue=true&scope=all&pageSize=200");

    /// <summary>The statistics summary; <paramref name="from"/> and <paramref name="to"/> are Shanghai dates (yyyy-MM-dd).</summary>
    public Task<ApiResult<ReportSummary>> SummaryAsync(string from, string to) => GetAsync<ReportSummary>($"api/reports/summary?from={from}&to={to}");
}
