namespace CaseFlow.Server.Forms;

/// <summary>
/// The caller's language for form labels and field errors: English when <c>Accept-Language</c> prefers it, else
/// Chinese (the bureau's language, and what a request without the header gets).
/// </summary>
public static class UiLanguage
{
    public static string From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.Length > 0 && l != "*");
        return preferred is not null && preferred.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh";
    }
}
