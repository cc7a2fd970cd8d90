using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>The status changes the complaint, report and enforcement procedures allow (O121, PPR, O310; rules.md §4); anything else is a domain error.</summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Registered] = [CaseStatus.Accepted, CaseStatus.Refused, CaseStatus.Verifying, CaseStatus.Closed],
        [CaseStatus.Accepted] = [CaseStatus.Assigned, CaseStatus.Mediating, CaseStatus.Verifying, CaseStatus.Closed],
        [CaseStatus.Assigned] = [CaseStatus.Mediating, CaseStatus.Verifying, CaseStatus.Closed],
        [CaseStatus.Mediating] = [CaseStatus.Suspended, CaseStatus.Closed],
        [CaseStatus.Suspended] = [CaseStatus.Mediating, CaseStatus.Closed],
        // Before 立案: transfer to the police (O310 Art. 5(1)), and the simple procedure decided on the spot (PPR Art. 66-70).
        [CaseStatus.Verifying] = [CaseStatus.Filed, CaseStatus.NotFiled, CaseStatus.Closed, CaseStatus.Transferred, CaseStatus.Decided],
        [CaseStatus.Filed] = [CaseStatus.Transferred, CaseStatus.Decided, CaseStatus.Closed],

        // The police declined: back on the track the case left, verification before 立案 or the penalty track after (Art. 10).
        [CaseStatus.Transferred] = [CaseStatus.Filed, CaseStatus.Verifying, CaseStatus.Closed],
        [CaseStatus.Decided] = [CaseStatus.Closed],
        [CaseStatus.NotFiled] = [],
        [CaseStatus.Refused] = [],
        [CaseStatus.Closed] = [],
    };

    /// <summary>True when <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(CaseStatus from, CaseStatus to) => Allowed[from].Contains(to);
}
