using Microsoft.AspNetCore.Components;

namespace CaseFlow.Designer.Api;

/// <summary>The sign-in page's address that brings the user back to where they were (a case link opened in a new tab).</summary>
public static class SignInRoute
{
    public static string Returning(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var path = navigation.ToBaseRelativePath(navigation.Uri);
        return path.Length == 0 || path.StartsWith("signin", StringComparison.Ordinal) || path == "workbench"
            ? "signin"
            : "signin?returnUrl=" + Uri.EscapeDataString("/" + path);
    }

    /// <summary>A return address from the query, only when it is a path on this site (never //host or \\host).</summary>
    public static string? SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 1 } r && r[0] == '/' && r[1] != '/' && r[1] != '\\' ? r : null;
}
