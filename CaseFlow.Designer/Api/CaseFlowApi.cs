using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components;

namespace CaseFlow.Designer.Api;

/// <summary>
/// The public HTTP API as the Designer uses it. Every call carries the session's bearer token; a 401 ends the
/// session and returns to the sign-in page.
/// </summary>
public sealed class CaseFlowApi(HttpClient http, Session session, NavigationManager navigation)
{
    public async Task<ApiResult<TokenAnswer>> SignInAsync(string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("api/auth/token", new { userName, password });
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<TokenAnswer>(), response.StatusCode)
            : await ApiResult.FailureAsync<TokenAnswer>(response);
    }

    public Task<ApiResult<Page<TaskItem>>> TasksAsync(QueueName queue) => GetAsync<Page<TaskItem>>(queue switch
    {
        QueueName.Mine => "api/tasks?scope=mine&pageSize=200",
        QueueName.Candidate => "api/tasks?scope=candidate&pageSize=200",
        // Overdue across everything the user may see: supervisors all, others their own and their groups'.
        QueueName.Overdue => "api/tasks?overdue=true&pageSize=200&scope=" + (session.IsIn("Supervisor", "Admin") ? "all" : "mine"),
        QueueName.All => "api/tasks?scope=all&pageSize=200",
        _ => throw new ArgumentOutOfRangeException(nameof(queue)),
    });

    public Task<ApiResult<CaseDetail>> CaseAsync(Guid id) => GetAsync<CaseDetail>($"api/cases/{id}");

    public Task<ApiResult<object>> ClaimAsync(Guid taskId) => SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/claim", null);

    public Task<ApiResult<object>> ReleaseAsync(Guid taskId) => SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/release", null);

    public Task<ApiResult<object>> AssignAsync(Guid taskId, string userName) =>
        SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/assign", new { userName });

    public Task<ApiResult<object>> CompleteAsync(Guid taskId, string? outcome, IReadOnlyDictionary<string, object?> variables) =>
        SendAsync(HttpMethod.Post, $"api/tasks/{taskId}/complete", new { outcome, variables });

    private async Task<ApiResult<T>> GetAsync<T>(string uri)
    {
        using var request = Authorized(HttpMethod.Get, uri);
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<T>(), response.StatusCode)
            : await ApiResult.FailureAsync<T>(response);
    }

    private async Task<ApiResult<object>> SendAsync(HttpMethod method, string uri, object? body)
    {
        using var request = Authorized(method, uri);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
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
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            await session.SignOutAsync();
            navigation.NavigateTo("signin");
        }
    }
}
