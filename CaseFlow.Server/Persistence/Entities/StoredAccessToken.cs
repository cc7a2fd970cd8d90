namespace CaseFlow.Server.Persistence.Entities;

/// <summary>An issued bearer token. Only its SHA-256 hash is stored, so a database leak yields no usable token.</summary>
public sealed class StoredAccessToken
{
    public required string TokenHash { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
