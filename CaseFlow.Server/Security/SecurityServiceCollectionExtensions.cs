using System.Threading.RateLimiting;
using CaseFlow.Server.Api;
using CaseFlow.Server.Security.Oidc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>Registers and maps CaseFlow's security controls: case access, audit trail, sign-in limits, headers.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCaseFlowSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var production = builder.Environment.IsProduction();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations()
            .Validate(
                o => !production || !string.IsNullOrWhiteSpace(o.DataKey),
                "生产环境必须配置个人信息加密密钥 CaseFlow:Security:DataKey（例如环境变量 CaseFlow__Security__DataKey），不得使用数据目录中生成的开发密钥。 "
                + "In Production CaseFlow:Security:DataKey must be configured (e.g. the environment variable CaseFlow__Security__DataKey, base64 of 32 bytes); "
                + "the development key generated into the data directory is not used, so the key is never stored beside the data it protects.")
            .ValidateOnStart();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<InstanceAccess>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>(); // 403s in the audit trail
        services.TryAddSingleton<PersonalDataProtector>(); // also registered with the database, which needs it
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PersonalDataSearchLimiter>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CaseAnonymiser>();
        builder.AddCaseFlowOidc(); // nothing registered unless CaseFlow:Security:Oidc:Authority is set
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // Every 429 says when to come back; the limiter's window is one minute.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(AuthApi.TokenRateLimit, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>($"{SecurityOptions.Section}:{nameof(SecurityOptions.MaxRequestBodyBytes)}") ?? new SecurityOptions().MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Call before the endpoints are mapped so the headers and the limiter wrap every endpoint.</summary>
    public static WebApplication UseCaseFlowSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCaseFlowForwardedHeaders(); // first: every later address check sees the client, not the proxy
        app.UseCaseFlowSecurityHeaders();
        return app;
    }

    public static WebApplication MapCaseFlowSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapAuditApi();
        app.MapUsersAdminApi();
        app.MapOidcApi();
        app.MapPost("/api/admin/retention/run", async (CaseAnonymiser anonymiser, CancellationToken ct) => TypedResults.Ok(new { anonymised = await anonymiser.RunAsync(ct) }))
            .WithTags("Retention").RequireAuthorization(p => p.RequireRole(Auth.Roles.Admin))
            .WithSummary("Runs the retention job now: anonymises cases closed longer than CaseFlow:Retention:ClosedCaseDays.");
        return app;
    }
}
