using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// A minimal OpenID Connect provider on a loopback Kestrel port: discovery, JWKS (one RSA key), an authorize endpoint
/// that signs the user in at once and redirects back with a code, and a token endpoint that checks the client secret
/// and PKCE and returns an RS256 id_token. What the next id_token says is set per test.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "caseflow";
    public const string ClientSecret = "fake-idp-secret";
    private const string KeyId = "fake-idp-key";

    private readonly WebApplication app;
    private readonly RSA publishedRsa = RSA.Create(2048);
    private readonly RSA rogueRsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge)> codes = new();

    private FakeIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(
            $$"""
            {
              "issuer": "{{Issuer}}",
              "authorization_endpoint": "{{Issuer}}/authorize",
              "token_endpoint": "{{Issuer}}/token",
              "jwks_uri": "{{Issuer}}/jwks",
              "response_types_supported": ["code"],
              "subject_types_supported": ["public"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "code_challenge_methods_supported": ["S256"]
            }
            """,
            "application/json"));
        app.MapGet("/jwks", () =>
        {
            var key = publishedRsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", IssueAsync);
    }

    public string Issuer { get; private set; } = "";

    /// <summary>The preferred_username of the next id_token.</summary>
    public string UserName { get; set; } = "intake";

    /// <summary>Sign the next id_token with a key that is not in the JWKS (same key id).</summary>
    public bool SignWithRogueKey { get; set; }

    /// <summary>The aud of the next id_token; null means the client id.</summary>
    public string? Audience { get; set; }

    /// <summary>Token requests answered with an id_token (the app's back channel reached us).</summary>
    public int TokensIssued { get; private set; }

    public void Reset()
    {
        UserName = "intake";
        SignWithRogueKey = false;
        Audience = null;
    }

    public static FakeIdentityProvider Start()
    {
        var provider = new FakeIdentityProvider();
        provider.app.StartAsync().GetAwaiter().GetResult();
        provider.Issuer = provider.app.Urls.Single().TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        publishedRsa.Dispose();
        rogueRsa.Dispose();
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["response_type"] != "code" || query["client_id"] != ClientId || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
        {
            return Results.BadRequest("expected the code flow with PKCE (S256) for client caseflow");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        codes[code] = (query["nonce"].ToString(), query["code_challenge"].ToString());
        return Results.Redirect($"{query["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"].ToString())}");
    }

    private async Task<IResult> IssueAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!codes.TryRemove(form["code"].ToString(), out var grant)
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var signingKey = new RsaSecurityKey(SignWithRogueKey ? rogueRsa : publishedRsa) { KeyId = KeyId };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience ?? ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = $"subject-{UserName}",
                ["preferred_username"] = UserName,
                ["nonce"] = grant.Nonce,
                ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
        TokensIssued++;
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }
}
