using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Cases;

/// <summary><c>CaseFlow:Warnings</c>: the thresholds of the Art. 17 warning signs shown to the acceptance decider.</summary>
public sealed class WarningOptions
{
    public const string Section = "CaseFlow:Warnings";

    /// <summary>How far back (calendar days before the case's receipt) other complaints are looked at.</summary>
    [Range(1, 3650)]
    public int WindowDays { get; set; } = 30;

    /// <summary>Complaints by the same phone number in the window (this one included) that count as "many in a short time".</summary>
    [Range(2, 1000)]
    public int FrequentComplaints { get; set; } = 5;

    /// <summary>Complaints with the same text in the window (this one included) that count as a template.</summary>
    [Range(2, 1000)]
    public int TemplatedComplaints { get; set; } = 3;
}
