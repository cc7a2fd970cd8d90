using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>
/// O121 Art. 35(2): a report by the same reporter, on the same facts, against the same target is not handled again.
/// The duplicate is still registered (the reporter did contact the authority, and statistics count receipts) but its
/// process closes it at once with a reference to the first report. Merging is kept for reports that add new facts
/// (POST /api/cases/{id}/facts), the other half of Art. 35(2).
/// </summary>
public static class DuplicateReports
{
    /// <summary>The earliest report with the same reporter (phone), target (name) and facts (text), or null.</summary>
    public static async Task<StoredCase?> FindFirstAsync(CaseFlowDbContext db, StoredCase report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrWhiteSpace(report.ComplainantPhone))
        {
            return null; // an anonymous report has no "same reporter" (Art. 35(2) needs one)
        }

        return await db.Cases.AsNoTracking()
            .Where(c => c.Kind == "report" && c.DuplicateOfCaseId == null && c.Id != report.Id
                && c.ComplainantPhone == report.ComplainantPhone
                && c.RespondentName == report.RespondentName
                && c.Description == report.Description)
            .OrderBy(c => c.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
