using System.Net;
using System.Text.Json;

namespace CaseFlow.Designer.Api;

/// <summary>
/// The outcome of an API call: the value, or the server's ProblemDetails (title, detail and the field errors keyed
/// as the server names them, e.g. <c>variables.refusalReason</c>).
/// </summary>
public sealed class ApiResult<T>
{
    internal ApiResult(T? value, HttpStatusCode status, string? problem, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Status = status;
        Problem = problem;
        Errors = errors;
    }

    public T? Value { get; }

    public HttpStatusCode Status { get; }

    public string? Problem { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Ok => (int)Status is >= 200 and < 300;
}

/// <summary>Builds <see cref="ApiResult{T}"/> from an answer.</summary>
public static class ApiResult
{
    public static ApiResult<T> Success<T>(T? value, HttpStatusCode status) => new(value, status, null, new Dictionary<string, string[]>());

    public static async Task<ApiResult<T>> FailureAsync<T>(HttpResponseMessage response)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? problem = null;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            problem = Text(root, "detail") ?? Text(root, "title");
            if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in map.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                        : [field.Value.ToString()];
                }
            }
        }
        catch (JsonException)
        {
            // not a ProblemDetails body; the status code alone tells the user what happened
        }

        return new ApiResult<T>(default, response.StatusCode, problem, errors);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
