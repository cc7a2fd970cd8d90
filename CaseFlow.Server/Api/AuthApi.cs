using System.Security.Claims;
using System.Security.Cryptography;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Api;

/// <summary><c>/api/auth</c>: sign-in (token), sign-out (revoke) and password change.</summary>
public static class AuthApi
{
    /// <summary>The rate-limiter policy on the token endpoint.</summary>
    public const string TokenRateLimit = "token";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth").WithName("IssueToken").RequireRateLimiting(TokenRateLimit);
        app.MapGet("/api/auth/me", MeAsync).RequireAuthorization().WithTags("Auth")
            .WithSummary("The token of this request as POST /api/auth/token answers it (the Designer uses it after OpenID Connect sign-in).");
        app.MapPost("/api/auth/logout", LogoutAsync).RequireAuthorization().WithTags("Auth").WithSummary("Revokes the token of this request.");
        app.MapPost("/api/auth/password", ChangePasswordAsync).RequireAuthorization().WithTags("Auth")
            .WithSummary("Changes the signed-in user's password (12+ characters, not a common one) and revokes all their tokens.");
        return app;
    }

    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        HttpContext http,
        CaseFlowDbContext db,
        TimeProvider clock,
        IOptions<CaseFlowOptions> options,
        SignInThrottle throttle,
        AuditTrail audit,
        CancellationToken cancellationToken)
    {
        // One answer for every failure, so the endpoint does not reveal which user names exist or are disabled.
        var refused = TypedResults.Problem("用户名或密码错误。 The user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password) || request.UserName.Length > 256 || request.Password.Length > 1024)
        {
            return TypedResults.Problem("请填写用户名和密码。 Give both userName and password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var name = request.UserName.Trim();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (throttle.TryBegin(name, address) is { } wait)
        {
            return ApiProblems.TooManyRequests(http, wait);
        }

        // The same work whether the user exists, is disabled or typed a wrong password: timing tells nothing.
        var user = await db.Users.FindAsync([name], cancellationToken);
        var passwordMatches = PasswordHasher.VerifyOrWaste(request.Password, user?.PasswordHash);
        var now = clock.GetUtcNow();
        if (user is null || user.IsDisabled || !passwordMatches)
        {
            throttle.Failed(name, address);
            var details = user is null ? "unknown user" : user.IsDisabled ? "disabled user" : "wrong password";
            AuditTrail.Add(db, now, user?.UserName ?? (name.Length > 128 ? name[..128] : name), AuditActions.SignInFailed, null, null, details);
            await db.SaveChangesAsync(cancellationToken);
            return refused;
        }

        throttle.Succeeded(name, address);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        var response = AddToken(db, user, now, options.Value.Auth.TokenLifetimeMinutes, null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(response);
    }

    /// <summary>
    /// Adds a new opaque API token for <paramref name="user"/> and its sign-in audit entry to <paramref name="db"/>
    /// (tracked: the caller's save commits both). Shared by password and OpenID Connect sign-in.
    /// </summary>
    public static TokenResponse AddToken(CaseFlowDbContext db, StoredUser user, DateTimeOffset now, int lifetimeMinutes, string? auditDetails)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = now.AddMinutes(lifetimeMinutes);
        db.AccessTokens.Add(new StoredAccessToken { TokenHash = TokenHash.Of(token), UserName = user.UserName, IssuedAt = now, ExpiresAt = expiresAt });
        AuditTrail.Add(db, now, user.UserName, AuditActions.SignIn, null, null, auditDetails);
        return new TokenResponse(token, expiresAt, user.UserName, user.RoleList, user.GroupList);
    }

    private static async Task<IResult> MeAsync(HttpRequest http, CaseFlowDbContext db, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var name = CurrentUser.From(principal).UserName;
        var token = http.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var hash = TokenHash.Of(token);
        var expiresAt = await db.AccessTokens.Where(t => t.TokenHash == hash).Select(t => t.ExpiresAt).SingleAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == name, cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, user.UserName, user.RoleList, user.GroupList));
    }

    private static async Task<IResult> LogoutAsync(HttpRequest http, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var hash = TokenHash.Of(http.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        foreach (var token in await db.AccessTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }

        AuditTrail.Add(db, now, user.UserName, AuditActions.SignOut, null, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest? request, CaseFlowDbContext db, TimeProvider clock, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var name = CurrentUser.From(principal).UserName;
        var user = await db.Users.FindAsync([name], cancellationToken);
        if (user is null || string.IsNullOrEmpty(request?.CurrentPassword) || !PasswordHasher.Verify(request.CurrentPassword, user.PasswordHash))
        {
            return ApiProblems.Field("currentPassword", "The current password is wrong. 当前密码不正确。");
        }

        if (PasswordPolicy.Check(request.NewPassword, user.UserName) is { } problem)
        {
            return ApiProblems.Field("newPassword", problem);
        }

        var now = clock.GetUtcNow();
        user.PasswordHash = PasswordHasher.Hash(request.NewPassword!);
        await RevokeAllAsync(db, user.UserName, now, cancellationToken);
        AuditTrail.Add(db, now, user.UserName, AuditActions.PasswordChanged, null, user.UserName, "all tokens revoked");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Marks every live token of the user revoked (tracked, so it commits with the caller's save).</summary>
    public static async Task RevokeAllAsync(CaseFlowDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var token in await db.AccessTokens.Where(t => t.UserName == userName && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }
    }
}
