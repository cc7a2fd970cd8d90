using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Keeps a complaint's status in step with its mediation clock: stopping the mediation deadline (testing, appraisal;
/// O121 Art. 22(3)) suspends the mediation (中止调解), restarting it resumes the mediation.
/// </summary>
internal static class MediationStatus
{
    /// <summary>The rule whose suspension means the mediation itself is suspended.</summary>
    public const string MediationRule = "complaint.mediation";

    public static async Task FollowSuspensionAsync(CaseFlowDbContext db, StoredDeadline deadline, bool suspended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (deadline.RuleCode != MediationRule || await db.Cases.FindAsync([deadline.CaseId], cancellationToken) is not { } storedCase)
        {
            return;
        }

        var (from, to) = suspended ? (CaseStatus.Mediating, CaseStatus.Suspended) : (CaseStatus.Suspended, CaseStatus.Mediating);
        if (storedCase.Status != from)
        {
            return;
        }

        storedCase.ChangeStatus(to, now);
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = storedCase.Id, At = now, Actor = "system", Event = "StatusChanged", Details = $"{from} → {to}" });
    }
}
