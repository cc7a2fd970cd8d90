using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Hosting;

/// <summary>The <c>CaseFlow</c> configuration section (api-contract.md, "Running").</summary>
public sealed class CaseFlowOptions
{
    public const string Section = "CaseFlow";

    /// <summary>Where the SQLite database, pickup mail and logs live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Seed demo offices and users. Null means "true unless the environment is Production".</summary>
    public bool? SeedDemo { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
