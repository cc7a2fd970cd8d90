namespace CaseFlow.Server.Points;

/// <summary>The events of the points ledger; the first two are recorded by the server, the others by a supervisor.</summary>
public static class PointEvents
{
    public const string CaseClosed = "CaseClosed";

    public const string DeadlineBreached = "DeadlineBreached";

    public const string ViolationLeadFound = "ViolationLeadFound";

    public const string ComplaintAboutHandler = "ComplaintAboutHandler";

    /// <summary>Events a supervisor may record by hand; the others follow from what happened to cases.</summary>
    public static readonly IReadOnlySet<string> Manual = new HashSet<string>(StringComparer.Ordinal) { ViolationLeadFound, ComplaintAboutHandler };
}
