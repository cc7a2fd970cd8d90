using System.Security.Claims;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Who may read and add a case's documents: supervisors, admins, intake (who register the papers), and the handlers of
/// the case's office, as for the case's deadlines.
/// </summary>
public static class DocumentAccess
{
    /// <summary>Null when allowed; otherwise why not (<see cref="Denial.NotFound"/> hides nothing: case ids are not secret).</summary>
    public static async Task<Denial?> CheckAsync(Guid caseId, ClaimsPrincipal principal, CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.OfficeId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Denial.NotFound;
        }

        var user = CurrentUser.From(principal);
        if (user.IsSupervisorOrAdmin || user.Roles.Contains(Roles.Intake))
        {
            return null;
        }

        return user.Roles.Contains(Roles.Handler) && found.OfficeId is { } office && user.Groups.Contains(office) ? null : Denial.Forbidden;
    }

    public enum Denial
    {
        NotFound,
        Forbidden,
    }
}
