using System.Security.Cryptography;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Api;

/// <summary><c>POST /api/auth/token</c>: exchanges a user name and password for a bearer token.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth").WithName("IssueToken");
        return app;
    }

    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request,
        CaseFlowDbContext db,
        TimeProvider clock,
        IOptions<CaseFlowOptions> options,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("Give both userName and password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var user = await db.Users.FindAsync([request.UserName.Trim()], cancellationToken);
        if (user is null || user.IsDisabled || !PasswordHasher.Verify(request.Password, user.PasswordHash))
        {
            // One answer for every failure, so the endpoint does not reveal which user names exist.
            return TypedResults.Problem("The user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var expiresAt = now.AddMinutes(options.Value.Auth.TokenLifetimeMinutes);
        db.AccessTokens.Add(new StoredAccessToken { TokenHash = TokenHash.Of(token), UserName = user.UserName, IssuedAt = now, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, user.UserName, user.RoleList, user.GroupList));
    }
}
