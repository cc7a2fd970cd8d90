using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Security;

/// <summary><c>CaseFlow:Retention</c>: how long personal data of closed cases is kept (PIPL Art. 19: no longer than necessary).</summary>
public sealed class RetentionOptions
{
    public const string Section = "CaseFlow:Retention";

    /// <summary>
    /// Days after closing (办结/不予受理/不予立案) before the parties' personal data is anonymised. Set it to the archive
    /// period the authority's records rules require; the case facts, numbers and the audit trail are kept.
    /// </summary>
    [Range(1, 36500)]
    public int ClosedCaseDays { get; set; } = 1095;

    /// <summary>How often the retention job runs.</summary>
    [Range(1, 720)]
    public int IntervalHours { get; set; } = 24;

    public bool Enabled { get; set; } = true;
}
