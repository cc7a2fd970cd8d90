using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>The status changes the complaint procedure allows (O121, rules.md §4); anything else is a domain error.</summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Registered] = [CaseStatus.Accepted, CaseStatus.Refused, CaseStatus.Closed],
        [CaseStatus.Accepted] = [CaseStatus.Assigned, CaseStatus.Mediating, CaseStatus.Closed],
        [CaseStatus.Assigned] = [CaseStatus.Mediating, CaseStatus.Closed],
        [CaseStatus.Mediating] = [CaseStatus.Closed],
        [CaseStatus.Refused] = [],
        [CaseStatus.Closed] = [],
    };

    /// <summary>True when <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(CaseStatus from, CaseStatus to) => Allowed[from].Contains(to);
}
