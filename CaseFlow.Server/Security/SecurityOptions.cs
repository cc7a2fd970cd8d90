using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Security;

/// <summary><c>CaseFlow:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "CaseFlow:Security";

    /// <summary>Base64 AES-256 key for personal data at rest; a development key is generated into the data directory when absent.</summary>
    public string? DataKey { get; set; }

    /// <summary>Only for <c>rotate-data-key</c>: the key the personal data is re-encrypted with (base64, at least 32 bytes).</summary>
    public string? NewDataKey { get; set; }

    /// <summary>Wrong passwords for one account from one address before each further attempt must wait (1 s, doubling).</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Longest wait per account and address; the backoff slows guessing but never locks the owner out for long.</summary>
    [Range(1, 3600)]
    public int SignInBackoffMaxSeconds { get; set; } = 60;

    /// <summary>Wrong passwords for one account over every address before attempts from unfamiliar addresses must wait.</summary>
    [Range(1, 10000)]
    public int AccountFailedSignIns { get; set; } = 20;

    /// <summary>Longest wait for one account at addresses it never signed in from.</summary>
    [Range(1, 3600)]
    public int AccountBackoffMaxSeconds { get; set; } = 300;

    /// <summary>Distinct user names with a wrong password from one address (password spraying) before that address must wait.</summary>
    [Range(1, 10000)]
    public int AddressFailedAccounts { get; set; } = 20;

    /// <summary>Minutes after the last failure when a failure counter is forgotten.</summary>
    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Flood guard: token requests (successes included) per client address per minute. High enough for a whole bureau
    /// behind one address; guessing is limited by the failure counters, not by this.
    /// </summary>
    [Range(1, 100000)]
    public int TokenRequestsPerMinute { get; set; } = 600;

    /// <summary>Exact-match case searches by ID number or phone per user per hour (each one is an audited unmask).</summary>
    [Range(1, 10000)]
    public int PersonalDataSearchesPerHour { get; set; } = 30;

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c> is believed; empty (default): the header is ignored.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Largest request body accepted anywhere (document uploads set their own, larger, limit).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;
}
