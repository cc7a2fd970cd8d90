using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CaseFlow.Designer.Api;

/// <summary>Task forms: one task with its form, and completing it, in the UI language.</summary>
public sealed partial class CaseFlowApi
{
    /// <summary>The signed-in user's name (a half-filled form is kept per task and user).</summary>
    public string? UserName => session.Current?.UserName;

    /// <summary><c>GET /api/tasks/{id}</c>: the task with <c>form</c> (labels in <paramref name="language"/>), <c>fields</c> and <c>outcomeChoices</c>.</summary>
    public async Task<ApiResult<JsonObject>> TaskDetailAsync(Guid taskId, string language)
    {
        using var request = Authorized(HttpMethod.Get, $"api/tasks/{taskId}");
        request.Headers.AcceptLanguage.ParseAdd(language == "en" ? "en" : "zh-CN");
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success(await response.Content.ReadFromJsonAsync<JsonObject>(), response.StatusCode)
            : await ApiResult.FailureAsync<JsonObject>(response);
    }

    /// <summary>Completes a task; the server's field errors come back with the message in <paramref name="language"/> first.</summary>
    public async Task<ApiResult<object>> CompleteAsync(Guid taskId, string? outcome, JsonObject variables, string language)
    {
        using var request = Authorized(HttpMethod.Post, $"api/tasks/{taskId}/complete");
        request.Headers.AcceptLanguage.ParseAdd(language == "en" ? "en" : "zh-CN");
        request.Content = JsonContent.Create(new JsonObject { ["outcome"] = outcome, ["variables"] = variables });
        using var response = await http.SendAsync(request);
        await EndSessionOn401Async(response);
        return response.IsSuccessStatusCode
            ? ApiResult.Success<object>(null, response.StatusCode)
            : await ApiResult.FailureAsync<object>(response);
    }
}
