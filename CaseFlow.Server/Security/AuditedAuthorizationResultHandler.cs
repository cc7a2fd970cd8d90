using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CaseFlow.Server.Security;

/// <summary>
/// Records a refused role check (a signed-in user calling an endpoint their roles do not allow: 403) as
/// <c>AccessDenied</c> in the audit trail, then answers as ASP.NET Core would. Unauthenticated calls (401) are not
/// recorded: they carry no identity, and sign-in failures are recorded by the token endpoint.
/// </summary>
internal sealed class AuditedAuthorizationResultHandler(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            await audit.RecordNowAsync(user, AuditActions.AccessDenied, null, $"{context.Request.Method} {context.Request.Path}: role check refused", context.RequestAborted);
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
