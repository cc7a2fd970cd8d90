using System.Text.Json;
using Microsoft.JSInterop;

namespace CaseFlow.Designer.Api;

/// <summary>
/// Who is signed in: the bearer token and the user's roles and groups from <c>POST /api/auth/token</c>, kept in the
/// browser tab's sessionStorage so a reload keeps the sign-in and closing the tab ends it.
/// </summary>
public sealed class Session(IJSRuntime js)
{
    private const string StorageKey = "caseflow.session";

    public TokenAnswer? Current { get; private set; }

    public bool SignedIn => Current is not null;

    public event Action? Changed;

    public bool IsIn(params string[] roles) => Current is not null && roles.Any(r => Current.Roles.Contains(r, StringComparer.Ordinal));

    public async Task RestoreAsync()
    {
        var json = await js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey);
        Current = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<TokenAnswer>(json, JsonSerializerOptions.Web);
    }

    public async Task SignInAsync(TokenAnswer answer)
    {
        Current = answer;
        await js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, JsonSerializer.Serialize(answer, JsonSerializerOptions.Web));
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        Current = null;
        await js.InvokeVoidAsync("sessionStorage.removeItem", StorageKey);
        Changed?.Invoke();
    }
}
