using CaseFlow.Server.Api;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CaseFlow.Server.Security.Oidc;

/// <summary>
/// Optional OpenID Connect sign-in (code flow with PKCE). The provider's validated id_token names an existing, enabled
/// CaseFlow user; CaseFlow then issues its usual opaque API token and hands it to the Designer in a URL fragment
/// (<c>/signin#oidc-token=…</c>), which browsers never send to a server, so it stays out of logs.
/// No session cookie is ever issued: the cookies are the handler's own correlation and nonce cookies for the round trip.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    /// <summary>Sign-in scheme the OIDC handler requires; never used, the callback ends before any sign-in.</summary>
    private const string CookieScheme = "CaseFlow.Oidc";

    /// <summary>The Designer's sign-in page, which reads the fragment.</summary>
    private const string SignInPage = "/signin";

    public static IHostApplicationBuilder AddCaseFlowOidc(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        if (!settings.IsEnabled)
        {
            return builder;
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            throw new InvalidOperationException($"{OidcOptions.Section}:ClientId is required when {OidcOptions.Section}:Authority is set.");
        }

        var authority = new Uri(settings.Authority!, UriKind.Absolute);
        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, o => o.Cookie.Name = "__caseflow_oidc")
            .AddOpenIdConnect(Scheme, o =>
            {
                o.Authority = settings.Authority;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.SignInScheme = CookieScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.MapInboundClaims = false; // keep the provider's claim names, so UserNameClaim means what the provider sends
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }

                // Plain http metadata only for a provider on this machine (development, tests).
                o.RequireHttpsMetadata = !(authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback);

                // The provider redirects back with a top-level GET (query response mode), so Lax cookies come back;
                // SameAsRequest lets the round trip work behind plain http in development.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnTicketReceived = IssueCaseFlowTokenAsync;
                o.Events.OnRemoteFailure = RefuseAsync;
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapOidcApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/auth/oidc", (IOptions<OidcOptions> options) => TypedResults.Ok(new OidcStatus(options.Value.IsEnabled)))
            .AllowAnonymous().WithTags("Auth").WithSummary("Whether single sign-on through OpenID Connect is configured.");
        if (!app.ServiceProvider.GetRequiredService<IOptions<OidcOptions>>().Value.IsEnabled)
        {
            return app;
        }

        app.MapGet("/api/auth/oidc/login", (string? returnUrl) =>
            {
                if (returnUrl is not null && !IsLocal(returnUrl))
                {
                    return ApiProblems.Field("returnUrl", "Only a path on this server may be returned to. 只能返回本站地址。");
                }

                return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl ?? "/" }, [Scheme]);
            })
            .AllowAnonymous().WithTags("Auth").WithSummary("Starts sign-in at the OpenID Connect provider; comes back to /signin#oidc-token=….");
        return app;
    }

    public sealed record OidcStatus(bool Enabled);

    /// <summary>A path on this server: one leading slash, not <c>//host</c> or <c>/\host</c> (both read as another host by browsers).</summary>
    internal static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\', StringComparison.Ordinal);

    private static async Task IssueCaseFlowTokenAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var cancellationToken = context.HttpContext.RequestAborted;
        var claimed = context.Principal?.FindFirst(settings.UserNameClaim)?.Value?.Trim();
        var db = services.GetRequiredService<CaseFlowDbContext>();
        var user = string.IsNullOrEmpty(claimed) ? null : await db.Users.FindAsync([claimed], cancellationToken);
        context.HandleResponse(); // no cookie session: the answer is a redirect carrying a CaseFlow token or an error code
        if (user is null || user.IsDisabled)
        {
            var actor = string.IsNullOrEmpty(claimed) ? "oidc" : claimed.Length > 128 ? claimed[..128] : claimed;
            var reason = string.IsNullOrEmpty(claimed) ? $"oidc: no {settings.UserNameClaim} claim" : user is null ? "oidc: unknown user" : "oidc: disabled user";
            await services.GetRequiredService<AuditTrail>().RecordNowAsync(actor, AuditActions.SignInFailed, null, reason, cancellationToken);
            context.Response.Redirect($"{SignInPage}#oidc-error=unknown-user");
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<CaseFlowOptions>>().Value.Auth.TokenLifetimeMinutes;
        var token = AuthApi.AddToken(db, user, now, lifetime, "oidc");
        await db.SaveChangesAsync(cancellationToken);
        var returnUrl = context.ReturnUri is { } r && IsLocal(r) ? r : "/"; // the handler moved Properties.RedirectUri here
        context.Response.Redirect($"{SignInPage}?returnUrl={Uri.EscapeDataString(returnUrl)}#oidc-token={Uri.EscapeDataString(token.AccessToken)}");
    }

    /// <summary>Any failed callback (bad signature, audience, state, nonce, provider error): audited, and the Designer shows an error.</summary>
    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditTrail>();

        // The exception's type names the check that failed without copying token contents into the trail.
        await audit.RecordNowAsync("oidc", AuditActions.SignInFailed, null, $"oidc: {context.Failure?.GetType().Name ?? "failure"}", context.HttpContext.RequestAborted);
        context.Response.Redirect($"{SignInPage}#oidc-error=failed");
    }
}
