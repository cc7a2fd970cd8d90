using System.Security.Claims;
using System.Text.Encodings.Web;
using CaseFlow.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Auth;

/// <summary>
/// Authenticates opaque bearer tokens issued by <c>POST /api/auth/token</c> against the token table.
/// </summary>
/// <remarks>
/// Opaque tokens checked in the database (rather than self-contained JWTs) make revocation immediate: a
/// disabled user or a revoked token stops working on the next request, on every node.
/// </remarks>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CaseFlowDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CaseFlowBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var hash = TokenHash.Of(token);
        var now = clock.GetUtcNow();
        var found = await db.AccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Join(db.Users, t => t.UserName, u => u.UserName, (t, u) => u)
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.IsDisabled)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, found.UserName) };
        claims.AddRange(found.RoleList.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(found.GroupList.Select(g => new Claim(CaseFlowClaims.Group, g)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
