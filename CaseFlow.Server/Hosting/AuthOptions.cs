using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Hosting;

/// <summary><c>CaseFlow:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>Lifetime of an issued bearer token.</summary>
    [Range(1, 10080)]
    public int TokenLifetimeMinutes { get; set; } = 480;
}
