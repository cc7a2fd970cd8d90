using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Security;

/// <summary><c>CaseFlow:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "CaseFlow:Security";

    /// <summary>Base64 AES-256 key for personal data at rest; a development key is generated into the data directory when absent.</summary>
    public string? DataKey { get; set; }

    /// <summary>Wrong passwords in a row before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Token requests per client address per minute (ASP.NET Core rate limiter).</summary>
    [Range(1, 10000)]
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Largest request body accepted anywhere (document uploads set their own, larger, limit).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
