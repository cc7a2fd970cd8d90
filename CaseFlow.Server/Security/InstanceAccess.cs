using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>
/// <see cref="CaseAccess"/> for process instances: an instance of a case (its variables carry the case's parties)
/// is visible exactly when its case is; an instance without a case is open to whoever may run the operation.
/// </summary>
public sealed class InstanceAccess(CaseFlowDbContext db, CaseAccess access)
{
    /// <summary>
    /// Whether the instance exists and the user may see it. A refusal on an existing case is audited as
    /// <c>AccessDenied</c> (by <see cref="CaseAccess.CanSeeAsync"/>); the caller answers 404 as for a missing instance.
    /// </summary>
    public async Task<bool> CanSeeAsync(Guid instanceId, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var found = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => new { i.CaseId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        return found.CaseId is not { } caseId || await access.CanSeeAsync(caseId, user, cancellationToken);
    }
}
