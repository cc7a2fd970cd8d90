namespace CaseFlow.Server.Hosting;

/// <summary>
/// Serves CaseFlow.Designer (Blazor WebAssembly) at <c>/</c>. Only its static files are anonymous; the API keeps its
/// own authorization, and unknown <c>/api/...</c> paths stay 404 instead of falling back to the app's page.
/// </summary>
public static class DesignerHosting
{
    /// <summary>Any path that is not the API, the OpenAPI document or the health check, and has no file extension.</summary>
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!api/|api$|openapi/|health$).*$)}";

    public static IHostApplicationBuilder AddCaseFlowDesigner(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Outside Development the files of a referenced project are found only through the static web assets
        // manifest when running from the build output (a published app has them in wwwroot, where this is a no-op).
        builder.WebHost.UseStaticWebAssets();
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
        app.MapStaticAssets().AllowAnonymous();
        app.MapFallbackToFile(ClientRoutes, "index.html").AllowAnonymous();
        return app;
    }
}
