namespace CaseFlow.Server.Security.Oidc;

/// <summary><c>CaseFlow:Security:Oidc</c>: optional sign-in through an OpenID Connect provider; off while <see cref="Authority"/> is empty.</summary>
public sealed class OidcOptions
{
    public const string Section = "CaseFlow:Security:Oidc";

    /// <summary>The provider's issuer URL (its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The id_token claim holding the CaseFlow user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Scopes asked for besides <c>openid</c>, separated by spaces.</summary>
    public string Scopes { get; set; } = "profile";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
