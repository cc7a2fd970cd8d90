namespace CaseFlow.Server.Persistence.Entities;

/// <summary>What happened to a deadline.</summary>
public enum DeadlineChangeKind
{
    Suspended,
    Resumed,
    Extended,

    /// <summary>New facts merged into a report: the period counts again from the last report (O121 Art. 35(2)).</summary>
    Restarted,
}
