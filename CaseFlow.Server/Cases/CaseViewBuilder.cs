using System.Globalization;
using System.Text.Json;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Cases;

/// <summary>Assembles the case view: masked parties, deadlines with working days left, open tasks and the timeline.</summary>
public sealed class CaseViewBuilder(CaseFlowDbContext db, IBusinessCalendar calendar, TimeProvider clock, ComplaintWarnings warnings, Security.PersonalDataProtector protector, LimitationWarnings limitation)
{
    /// <summary>
    /// The case view; <paramref name="unmasked"/> shows the complainant's data in full (the caller has checked and
    /// recorded why); <paramref name="visibleIds"/> (the viewer's cases) keeps other cases' numbers out of the warnings.
    /// </summary>
    public async Task<CaseResponse?> BuildAsync(Guid id, CancellationToken cancellationToken, bool unmasked = false, IQueryable<Guid>? visibleIds = null)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.StartedAt).ToListAsync(cancellationToken);
        var changes = (await db.DeadlineChanges.AsNoTracking().Where(x => x.CaseId == id).OrderBy(x => x.Id).ToListAsync(cancellationToken))
            .ToLookup(x => x.DeadlineId);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId == id && t.State == TaskState.Open).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var timeline = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var linked = await db.Cases.AsNoTracking().Where(x => x.ParentCaseId == id || x.DuplicateOfCaseId == id).OrderBy(x => x.CreatedAt)
            .Select(x => new { x.Id, x.Number, x.Kind, x.Status }).ToListAsync(cancellationToken);

        var openTasks = tasks.Select(t => TaskViews.ToResponse(t, c.Number, calendar, now, caseSubject: c.Subject, respondentName: c.RespondentName, caseOfficeId: c.OfficeId)).ToList();
        var names = await DirectoryNames.LoadAsync(
            db, openTasks.Select(t => t.Assignee), openTasks.SelectMany(t => t.CandidateGroups).Append(c.OfficeId).Append(c.SuggestedOfficeId), cancellationToken);
        return new CaseResponse(
            c.Id,
            c.Number,
            c.Kind,
            c.Channel,
            JsonNamingPolicy.CamelCase.ConvertName(c.Status.ToString()),
            c.OfficeId,
            c.ReceivedAt,
            Party(c, unmasked),
            new RespondentRequest(c.RespondentName, c.RespondentAddress, c.RespondentCreditCode, c.RespondentPlatformName, c.RespondentPlatformAddress),
            c.Category,
            c.Subject,
            c.Description,
            c.AmountInvolved,
            c.ProcessInstanceId,
            c.ClosedAt,
            deadlines.Select(d => ToResponse(d, changes[d.Id], now)).ToList(),
            openTasks.Select(names.Named).ToList(),
            timeline.Select(e => new TimelineEntryResponse(e.At, e.Actor, e.Event, e.Details)).ToList(),
            new CaseLinksResponse(
                c.ParentCaseId,
                c.DuplicateOfCaseId,
                linked.Select(x => new LinkedCaseResponse(x.Id, x.Number, x.Kind, JsonNamingPolicy.CamelCase.ConvertName(x.Status.ToString()))).ToList(),
                c.SuggestedOfficeId,
                c.RegulatorReceivedAt),
            [.. MissingMaterials.For(c), .. await warnings.ForAsync(c, cancellationToken, visibleIds), .. await limitation.ForAsync(c, cancellationToken)],
            c.RecoveredAmount,
            c.Satisfaction,
            c.FiledAt,
            CaseLegalTexts.For(c),
            c.SourceOrganisation is null && c.SourceReference is null && c.SourceDate is null
                ? null
                : new CaseSourceRequest(c.SourceOrganisation, c.SourceReference, c.SourceDate),
            IntakeChannels.NameZh(c.Channel),
            MissingMaterials.IsAnonymous(c) && c.Kind == "report",
            c.ConductDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.ConductSeriousHarm,
            Penalty(c, deadlines, now),
            names.Office(c.OfficeId),
            names.Office(c.SuggestedOfficeId));
    }

    private CasePenaltyResponse? Penalty(StoredCase c, List<StoredDeadline> deadlines, DateTimeOffset now)
    {
        if (c.FineAmount is null && c.ConfiscationAmount is null)
        {
            return null;
        }

        var payment = deadlines.Where(d => d.RuleCode == Deadlines.CaseMeasureKind.PaymentRule).OrderByDescending(d => d.StartedAt).FirstOrDefault();
        if (payment is null || c.FineAmount is not > 0)
        {
            return new CasePenaltyResponse(c.FineAmount, c.ConfiscationAmount, c.PenaltyDecidedAt, null, c.FinePaidAt, 0, 0m, false, null, SurchargeBasis);
        }

        var dueDate = calendar.ToLocalDate(payment.DueAt);
        var asOf = calendar.ToLocalDate(c.FinePaidAt ?? now);
        var surcharge = Deadlines.LatePaymentSurcharge.Compute(c.FineAmount.Value, dueDate, asOf);
        return new CasePenaltyResponse(c.FineAmount, c.ConfiscationAmount, c.PenaltyDecidedAt, dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            c.FinePaidAt, surcharge.DaysLate, surcharge.Amount, surcharge.Capped, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SurchargeBasis);
    }

    private const string SurchargeBasis = "《行政处罚法》第七十二条第一款第（一）项：到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额";

    private PartyResponse Party(StoredCase c, bool unmasked)
    {
        var idNumber = c.ComplainantIdNumberCipher is { } cipher ? protector.Decrypt(cipher) : null;
        return unmasked
            ? new PartyResponse(c.ComplainantName, c.ComplainantPhone, c.ComplainantEmail, c.ComplainantAddress, idNumber, Unmasked: true)
            : new PartyResponse(c.ComplainantName, PersonalDataMask.Phone(c.ComplainantPhone), c.ComplainantEmail, PersonalDataMask.Address(c.ComplainantAddress),
                idNumber is null ? null : PersonalDataMask.IdNumber(idNumber));
    }

    private DeadlineResponse ToResponse(StoredDeadline d, IEnumerable<StoredDeadlineChange> changes, DateTimeOffset now)
    {
        // A running deadline whose instant has passed is breached now, even before any escalation records it.
        var state = d.State == DeadlineState.Running && now > d.DueAt ? DeadlineState.Breached : d.State;
        var dueDate = calendar.ToLocalDate(d.DueAt);
        int? left = state is DeadlineState.Running or DeadlineState.Breached && d.CompletedAt is null
            ? calendar.WorkingDaysLeft(calendar.ToLocalDate(now), dueDate)
            : null;
        return new DeadlineResponse(
            d.Id,
            d.Name,
            d.DueAt,
            dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Rule,
            JsonNamingPolicy.CamelCase.ConvertName(state.ToString()),
            left,
            d.RuleCode,
            d.LegalBasis,
            DeadlineChangeViews.Extensions(changes),
            DeadlineChangeViews.Suspensions(changes),
            d.CompletedAt is null && calendar.IsProvisional(calendar.ToLocalDate(d.StartedAt), dueDate));
    }
}
