using Microsoft.JSInterop;

namespace CaseFlow.Designer.Localization;

/// <summary>The chosen UI language (Simplified Chinese unless the user picked English), remembered in localStorage.</summary>
public sealed class Language(IJSRuntime js)
{
    private const string StorageKey = "caseflow.language";

    public TextTable Current { get; private set; } = Strings.Chinese;

    public event Action? Changed;

    public async Task RestoreAsync()
    {
        var stored = await js.InvokeAsync<string?>("localStorage.getItem", StorageKey);
        Current = stored == Strings.English.Culture ? Strings.English : Strings.Chinese;
    }

    public async Task SwitchAsync(string culture)
    {
        Current = culture == Strings.English.Culture ? Strings.English : Strings.Chinese;
        await js.InvokeVoidAsync("localStorage.setItem", StorageKey, Current.Culture);
        await js.InvokeVoidAsync("document.documentElement.setAttribute", "lang", Current.Culture);
        Changed?.Invoke();
    }
}
