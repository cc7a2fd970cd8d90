using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components;

namespace CaseFlow.Designer.Api;

/// <summary>
/// The public HTTP API as the Designer uses it. Every call carries the session's bearer token; a 401 ends the
/// session and returns to the sign-in page.
/// </summary>
public sealed partial class CaseFlowApi(HttpClient http, Session session, NavigationManager navigation)
{
    public async Task<ApiResult<TokenAnswer>> SignInAsync(string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password });
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<TokenAnswer>(), response.StatusCode)
            : await ApiResult.FailureAsync<TokenAnswer>(response);
    }

    /// <summary>Whether the server offers OpenID Connect sign-in (<c>GET /api/auth/oidc</c>).</summary>
    public async Task<bool> OidcEnabledAsync()
    {
        using var response = await http.GetAsync("api/auth/oidc");
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<OidcStatus>())?.Enabled == true;
    }

    /// <summary>Completes an OpenID Connect sign-in: the token from the redirect's fragment, answered like <c>POST /api/auth/token</c>.</summary>
    public async Task<ApiResult<TokenAnswer>> SessionForTokenAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<TokenAnswer>(), response.StatusCode)
            : await ApiResult.FailureAsync<TokenAnswer>(response);
    }

    private sealed record OidcStatus(bool Enabled);

    public Task<ApiResult<Page<TaskItem>>> TasksAsync(QueueName queue, int pageSize = 200) => GetAsync<Page<TaskItem>>(queue switch
    {
        QueueName.Mine => "api/tasks?scope=mine",
        QueueName.Candidate => "api/tasks?scope=candidate",
        // Overdue across everything the user may see: supervisors all, others their own and their groups'.
        QueueName.Overdue => "api/tasks?overdue=true&scope=" + (session.IsIn("Supervisor", "Admin") ? "all" : "mine"),
        QueueName.All => "api/tasks?scope=all",
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    } + "&pageSize=" + pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<ApiResult<DirectoryAnswer>> DirectoryAsync() => GetAsync<DirectoryAnswer>("api/directory");

    public Task<ApiResult<CaseDetail>> CaseAsync(Guid id) => GetAsync<CaseDetail>($"api/cases/{id}");

    /// <summary>The complaint rules in force on <paramref name="receivedOn"/>, for the intake checklist's citation.</summary>
    public Task<ApiResult<LegalTexts>> LegalTextsAsync(DateOnly receivedOn) =>
        GetAsync<LegalTexts>($"api/legal-texts?receivedOn={receivedOn:yyyy-MM-dd}");

    public Task<ApiResult<object>> ClaimAsync(Guid taskId) => SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/claim", null);

    public Task<ApiResult<object>> ReleaseAsync(Guid taskId) => SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/release", null);

    public Task<ApiResult<object>> AssignAsync(Guid taskId, string userName) =>
        SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/assign", new { userName });

    public Task<ApiResult<object>> CompleteAsync(Guid taskId, string? outcome, IReadOnlyDictionary<string, object?> variables) =>
        SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/complete", new { outcome, variables });

    public Task<ApiResult<List<ProcessSummary>>> ProcessesAsync() => GetAsync<List<ProcessSummary>>("api/processes");

    public Task<ApiResult<List<ActivityDescriptor>>> ActivityDescriptorsAsync() => GetAsync<List<ActivityDescriptor>>("api/activity-descriptors");

    /// <summary>The draft's BPMN XML, else the published version's; null when the process has neither (a new one).</summary>
    public async Task<string?> ProcessXmlAsync(string key, int? publishedVersion, bool hasDraft = true)
    {
        // Asked only when the library says there is one: a missing draft is a 404 in the browser's console.
        var draft = hasDraft ? await GetTextAsync($"api/processes/{Uri.EscapeDataString(key)}/draft") : null;
        if (draft is not null || publishedVersion is null)
        {
            return draft;
        }

        return await GetTextAsync($"api/processes/{Uri.EscapeDataString(key)}/versions/{publishedVersion}");
    }

    public async Task<ApiResult<ValidationAnswer>> SaveDraftAsync(string key, string xml)
    {
        using var request = Authorized(HttpMethod.Put, $"api/processes/{Uri.EscapeDataString(key)}/draft");
        request.Content = new StringContent(xml, System.Text.Encoding.UTF8, "application/xml");
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<ValidationAnswer>(), response.StatusCode)
            : await ApiResult.FailureAsync<ValidationAnswer>(response);
    }

    /// <summary>Publishes the stored draft. An invalid draft answers 400 with the same errors as saving; both come back as the value.</summary>
    public async Task<ApiResult<ValidationAnswer>> PublishAsync(string key)
    {
        using var request = Authorized(HttpMethod.Post, $"api/processes/{Uri.EscapeDataString(key)}/publish");
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        if (response.IsSuccessStatusCode)
        {
            var published = await response.Content.ReadFromJsonAsync<ValidationAnswer>();
            return ApiResult.Success(new ValidationAnswer(true, [], published?.Version), response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var invalid = await response.Content.ReadFromJsonAsync<ValidationAnswer>();
            return ApiResult.Success(invalid is null ? null : invalid with { Valid = false }, response.StatusCode);
        }

        return await ApiResult.FailureAsync<ValidationAnswer>(response);
    }

    public async Task<ApiResult<StartedInstance>> StartInstanceAsync(string key)
    {
        using var request = Authorized(HttpMethod.Post, $"api/processes/{Uri.EscapeDataString(key)}/instances");
        request.Content = JsonContent.Create(new { variables = new Dictionary<string, object>() });
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<StartedInstance>(), response.StatusCode)
            : await ApiResult.FailureAsync<StartedInstance>(response);
    }

    private async Task<string?> GetTextAsync(string uri)
    {
        using var request = Authorized(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    private async Task<ApiResult<T>> GetAsync<T>(string uri)
    {
        using var request = Authorized(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<T>(), response.StatusCode)
            : await ApiResult.FailureAsync<T>(response);
    }

    /// <summary>Sends <paramref name="body"/> (if any) as JSON with the session's token; a 401 ends the session.</summary>
    private async Task<HttpResponseMessage> SendRequestAsync(HttpMethod method, string uri, object? body)
    {
        using var request = Authorized(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response;
    }

    private async Task<ApiResult<object>> SendAsync(HttpMethod method, string uri, object? body)
    {
        using var response = await SendRequestAsync(method, uri, body);
        return response.IsSuccessStatusCode
            ? ApiResult.Success<object>(null, response.StatusCode)
            : await ApiResult.FailureAsync<object>(response);
    }

    private HttpRequestMessage Authorized(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        if (session.Current is { } current)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.AccessToken);
        }

        return request;
    }

    private async Task EndSessionOn401Async(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized && session.SignedIn)
        {
            // The token expired or was revoked: sign in again and come back to this page.
            await session.SignOutAsync();
            navigation.NavigateTo(SignInRoute.Returning(navigation));
        }
    }
}
