using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>
/// The one rule for which cases (and so which tasks, deadlines, documents and instances) a user may read and act on.
/// Supervisors and admins see every case; intake sees every case (they register papers and new facts on any case and
/// check duplicates); everyone else sees the cases of their office (a group named like the office) and the cases on
/// which a task is assigned to them or offered to one of their groups.
/// </summary>
/// <remarks>
/// A case the user may not see answers 404 exactly like a case that does not exist, so ids cannot be probed.
/// Role checks for changes (who may extend, assign, ...) come on top of this and answer 403.
/// </remarks>
public sealed class CaseAccess(CaseFlowDbContext db, AuditTrail audit)
{
    /// <summary>True when the user sees every case and no filter is needed.</summary>
    public static bool SeesAll(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsSupervisorOrAdmin || user.Roles.Contains(Roles.Intake);
    }

    /// <summary>The cases the user may see, as a filter that composes with any other query.</summary>
    public IQueryable<StoredCase> Visible(IQueryable<StoredCase> cases, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (SeesAll(user))
        {
            return cases;
        }

        // The visible ids are built from two index ranges, the user's offices' cases (IX_Cases_OfficeId_ReceivedAt_Id) and
        // the grant rows of the user and their groups (IX_CaseGrants_Principal_CaseId_OfficeId: a task assigned to them or
        // offered to a group of theirs, open or completed, kept by Persistence/CaseGrantIndex), so a count or a page reads
        // the user's share of the cases instead of testing every case (a LIKE over every task, until issue 23). The
        // unfiltered case list reads the same ranges newest first instead (Cases/VisibleCaseList, held equal to this).
        var offices = user.Groups.ToList();
        List<string> principals = [CaseGrant.User(user.UserName), .. user.Groups.Select(CaseGrant.Group)];
        var visibleIds = db.Cases.Where(c => c.OfficeId != null && offices.Contains(c.OfficeId)).Select(c => c.Id)
            .Union(db.CaseGrants.Where(g => principals.Contains(g.Principal)).Select(g => g.CaseId));
        return cases.Where(c => visibleIds.Contains(c.Id));
    }

    /// <summary>Ids of the cases the user may see, for filtering rows that carry a case id (tasks, instances).</summary>
    public IQueryable<Guid> VisibleIds(CurrentUser user) => Visible(db.Cases, user).Select(c => c.Id);

    /// <summary>
    /// Whether the case exists and the user may see it. A refusal is recorded in the audit trail (a failed
    /// authorization) when the case exists, so probing other offices' cases leaves a trace.
    /// </summary>
    public async Task<bool> CanSeeAsync(Guid caseId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await Visible(db.Cases.AsNoTracking(), user).AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return true;
        }

        if (await db.Cases.AsNoTracking().AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            await audit.RecordNowAsync(user.UserName, AuditActions.AccessDenied, caseId, "case outside the user's offices and tasks", cancellationToken);
        }

        return false;
    }

    /// <summary>Whether the user may see the case of a task (a task without a case is open to its candidates only).</summary>
    public async Task<bool> CanSeeTaskAsync(StoredTask task, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(user);
        if (task.CaseId is { } caseId)
        {
            return await CanSeeAsync(caseId, user, cancellationToken);
        }

        return SeesAll(user) || task.Assignee == user.UserName || user.IsInAnyGroup(task.CandidateGroupList);
    }
}
