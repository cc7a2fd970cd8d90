namespace CaseFlow.Server.Hosting;

/// <summary>
/// Serves CaseFlow.Designer (Blazor WebAssembly) at <c>/</c>. Only its static files are anonymous; the API keeps its
/// own authorization, and unknown <c>/api/...</c> paths stay 404 instead of falling back to the app's page.
/// </summary>
/// <remarks>
/// Two sources, the first found wins:
/// <list type="number">
/// <item>The published Designer in <c>designer/</c> next to the server's assembly (CaseFlow.Server.csproj publishes
/// it after every build): trimmed, with Brotli and gzip files made at build time, fingerprinted names cached for a
/// year, no debug symbols. Its own endpoints manifest maps each request to the file variant the browser accepts,
/// so <c>Content-Encoding</c> always names the bytes sent.</item>
/// <item>Otherwise (a published server, whose wwwroot holds the Designer, or a build with
/// <c>CaseFlowPublishDesigner=false</c>), the static web assets of the build. For a build manifest ASP.NET Core
/// patches files at runtime for hot reload; that patching re-gzips a changed file with no compression at all, which
/// is what sent a 10 MB <c>MudBlazor.wasm</c> labelled gzip, so it is switched off here unless asked for
/// (<c>ReloadStaticAssetsAtRuntime=true</c>).</item>
/// </list>
/// </remarks>
public static class DesignerHosting
{
    /// <summary>Any path that is not the API, the OpenAPI document or the health check, and has no file extension.</summary>
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!api/|api$|openapi/|health$).*$)}";

    private const string ManifestName = "CaseFlow.Designer.staticwebassets.endpoints.json";

    /// <summary>The published Designer's endpoints manifest, or null when the server runs without one.</summary>
    public static string? PublishedManifest()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "designer", ManifestName);
        return File.Exists(manifest) && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "designer", "wwwroot")) ? manifest : null;
    }

    /// <summary>The web root for <see cref="WebApplicationOptions.WebRootPath"/>: the published Designer's, else the default.</summary>
    public static string? WebRootPath() =>
        PublishedManifest() is { } manifest ? Path.Combine(Path.GetDirectoryName(manifest)!, "wwwroot") : null;

    public static IHostApplicationBuilder AddCaseFlowDesigner(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (PublishedManifest() is not null)
        {
            return builder; // the web root is the published wwwroot (Program.cs)
        }

        // Outside Development the files of a referenced project are found only through the static web assets
        // manifest when running from the build output (a published app has them in wwwroot, where this is a no-op).
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        return builder;
    }

    public static WebApplication UseCaseFlowDesigner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // No UseBlazorFrameworkFiles: its /_framework branch ends before the endpoints, where MapStaticAssets (below)
        // serves the fingerprinted runtime files with their compressed variants.
        app.UseDefaultFiles(); // "/" is index.html
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapCaseFlowDesigner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The import map in index.html points at fingerprinted names (js/modeler.<hash>.js); only the static asset
        // endpoints know them. Files without a fingerprint are still found by UseStaticFiles.
        // One manifest only: the build's repeats the published one's routes.
        (PublishedManifest() is { } manifest ? app.MapStaticAssets(manifest) : app.MapStaticAssets()).AllowAnonymous();
        app.MapFallbackToFile(ClientRoutes, "index.html").AllowAnonymous();
        return app;
    }
}
