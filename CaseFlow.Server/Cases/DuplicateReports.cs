using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// O121 Art. 35(2): a report by the same reporter, on the same facts, against the same target is not handled again. A
/// text match only PROPOSES that: the report is registered as usual with a reference to the first report, and its process
/// gives the proposal to a person (task <c>reviewDuplicate</c>), who merges it into the first report, links the two, or
/// rejects the proposal. Nothing is closed by the match itself. Merging new facts from the same reporter is
/// POST /api/cases/{id}/facts, the other half of Art. 35(2).
/// </summary>
public static class DuplicateReports
{
    /// <summary>
    /// The earliest report with the same reporter (phone), target (name) and facts (text), or null. An anonymous report
    /// (no phone) has no known reporter, so "the same reporter" cannot be shown and nothing is proposed.
    /// </summary>
    public static async Task<StoredCase?> FindFirstAsync(CaseFlowDbContext db, Security.PersonalDataProtector protector, StoredCase report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(report);
        if (protector.PhoneHash(report.ComplainantPhone) is not { } phoneHash)
        {
            return null; // an anonymous report has no "same reporter" (Art. 35(2) needs one)
        }

        return await db.Cases.AsNoTracking()
            .Where(c => c.Kind == "report" && c.DuplicateOfCaseId == null && c.Id != report.Id
                && c.ComplainantPhoneHash == phoneHash // the phone itself is encrypted
                && c.RespondentName == report.RespondentName
                && c.Description == report.Description)
            .OrderBy(c => c.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
