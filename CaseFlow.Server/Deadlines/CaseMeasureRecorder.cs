using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Deadlines;

/// <summary>
/// Records a measure or event on a case (<see cref="CaseMeasureKind"/>) and opens the statutory deadlines it starts,
/// counted from the measure's date under the rule set in force on the case's receipt. One SaveChanges: the case's
/// figures, the deadlines with their ladders, and the timeline entries (in Chinese).
/// </summary>
public sealed class CaseMeasureRecorder(CaseFlowDbContext db, StatutoryDeadlineFactory factory, IBusinessCalendar calendar, TimeProvider clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<MeasureOutcome> RecordAsync(Guid caseId, CaseMeasureInput input, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = CaseMeasureKind.Find(input.Kind) ?? throw new ArgumentException($"Unknown measure kind {input.Kind}.", nameof(input));
        var storedCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (storedCase is null)
        {
            return MeasureOutcome.Missing($"Case {caseId} does not exist.");
        }

        var now = clock.GetUtcNow();
        if (calendar.ToLocalDate(input.At) < calendar.ToLocalDate(storedCase.ReceivedAt))
        {
            return MeasureOutcome.Invalid("at", $"at ({Day(input.At)}) is before the case was received ({Day(storedCase.ReceivedAt)}). 措施日期不得早于案件登记收到之日。");
        }

        var opened = new List<StoredDeadline>();
        var refusal = kind.Code switch
        {
            CaseMeasureKind.JurisdictionReferred => await ReferAsync(storedCase, input, actor, now, opened, cancellationToken),
            CaseMeasureKind.HearingScheduled => await ScheduleHearingAsync(storedCase, input, now, opened, cancellationToken),
            CaseMeasureKind.PenaltyDecided => await DecidePenaltyAsync(storedCase, input, actor, now, opened, cancellationToken),
            CaseMeasureKind.DecisionServed => await ServeDecisionAsync(storedCase, input, now, opened, cancellationToken),
            CaseMeasureKind.FinePaid => await PayAsync(storedCase, input, actor, now, opened, cancellationToken),
            CaseMeasureKind.CashCollected => await CollectCashAsync(storedCase, input, actor, now, opened, cancellationToken),
            CaseMeasureKind.EnforcementReminder => await RemindAsync(storedCase, input, now, opened, cancellationToken),
            _ => await OpenRulesAsync(storedCase, kind, input.At, now, opened, cancellationToken),
        };
        if (refusal is not null)
        {
            return refusal;
        }

        Timeline(caseId, now, actor, "MeasureRecorded", $"{kind.NameZh}（{Day(input.At)}）{(string.IsNullOrWhiteSpace(input.Note) ? "" : "：" + input.Note.Trim())}");
        foreach (var deadline in opened.Where(d => d.CompletedAt is null))
        {
            Timeline(caseId, now, actor, "DeadlineOpened", $"{deadline.Name}：自 {Day(deadline.StartedAt)} 起算，至 {Day(deadline.DueAt)}；依据 {deadline.LegalBasis}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MeasureOutcome(opened);
    }

    /// <summary>Opens the kind's rules from <paramref name="start"/>; a complaint uses O121's rule where the kind names one.</summary>
    private async Task<MeasureOutcome?> OpenRulesAsync(StoredCase storedCase, CaseMeasureKind kind, DateTimeOffset start, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        var codes = kind.ComplaintRule is { } complaintRule && storedCase.Kind == "complaint" ? [complaintRule, .. kind.Rules.Skip(1)] : kind.Rules;
        foreach (var code in codes)
        {
            if (await OpenAsync(storedCase, code, start, now, opened, cancellationToken) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private async Task<MeasureOutcome?> OpenAsync(StoredCase storedCase, string code, DateTimeOffset start, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        var deadline = await factory.CreateFromEventAsync(storedCase, code, start, now, cancellationToken);
        if (deadline is null)
        {
            return MeasureOutcome.Conflict($"No rule set in force on the case's receipt ({Day(storedCase.ReceivedAt)}) has the rule {code}; a legal officer must add it (PUT /api/rule-sets/{{id}}). 案件收到之日施行的规则中没有期限规则 {code}。");
        }

        db.Deadlines.Add(deadline);
        opened.Add(deadline);
        return null;
    }

    private async Task<MeasureOutcome?> ReferAsync(StoredCase storedCase, CaseMeasureInput input, string actor, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (storedCase.Kind == "complaint")
        {
            return MeasureOutcome.Invalid("kind", "O121 Art. 33 sets no period for the superior's designation of a complaint's jurisdiction; record the dispute only. 《市场监督管理投诉举报处理办法》第三十三条未规定指定管辖期限。");
        }

        if (await RunningAsync(storedCase.Id, ["ppr.jurisdiction-negotiation", "complaint.jurisdiction-negotiation"], cancellationToken) is { } negotiation)
        {
            End(negotiation, input.At, actor, "协商不成，报请共同的上一级市场监督管理部门指定管辖");
            opened.Add(negotiation);
        }

        return await OpenAsync(storedCase, "ppr.jurisdiction-designation", input.At, now, opened, cancellationToken);
    }

    private async Task<MeasureOutcome?> ScheduleHearingAsync(StoredCase storedCase, CaseMeasureInput input, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (input.HearingDate is not { } hearing)
        {
            return MeasureOutcome.Invalid("hearingDate", "hearingDate is required (a date like 2026-07-20). 须填写听证日期。");
        }

        var noon = new DateTimeOffset(hearing.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        if (await OpenAsync(storedCase, "ppr.hearing-notice", noon, now, opened, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var notice = opened[^1];
        var scheduledOn = calendar.ToLocalDate(input.At);
        if (calendar.ToLocalDate(notice.DueAt) < scheduledOn)
        {
            db.Deadlines.Remove(notice);
            var earliest = calendar.AddWorkingDays(scheduledOn, 7);
            return MeasureOutcome.Invalid("hearingDate", $"The notice must reach the party seven working days before the hearing (APL Art. 64, 85); served on {scheduledOn:yyyy-MM-dd}, the hearing can be held from {earliest:yyyy-MM-dd}. 听证通知应当在举行听证的七日（工作日）前送达；按 {scheduledOn:yyyy-MM-dd} 送达，听证最早可定于 {earliest:yyyy-MM-dd}。");
        }

        return null;
    }

    private async Task<MeasureOutcome?> DecidePenaltyAsync(StoredCase storedCase, CaseMeasureInput input, string actor, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (input.FineAmount is null && input.ConfiscationAmount is null)
        {
            return MeasureOutcome.Invalid("fineAmount", "fineAmount or confiscationAmount is required (yuan, as a number). 须填写罚款金额或没收金额（元）。");
        }

        if (input.ServedAt is { } served && served < input.At)
        {
            return MeasureOutcome.Invalid("servedAt", "servedAt may not be before the decision (at). 送达日期不得早于决定日期。");
        }

        var before = PenaltyText(storedCase.FineAmount, storedCase.ConfiscationAmount);
        storedCase.FineAmount = input.FineAmount ?? storedCase.FineAmount;
        storedCase.ConfiscationAmount = input.ConfiscationAmount ?? storedCase.ConfiscationAmount;
        storedCase.PenaltyDecidedAt = input.At;
        var number = string.IsNullOrWhiteSpace(input.DecisionNumber) ? "" : $"，决定书 {input.DecisionNumber.Trim()}";
        Timeline(storedCase.Id, now, actor, "PenaltyAmountsRecorded",
            $"{PenaltyText(storedCase.FineAmount, storedCase.ConfiscationAmount)}{number}{(before.Length == 0 ? "" : "（原记录：" + before + "）")}");
        return storedCase.FineAmount > 0 && input.ServedAt is { } receivedAt
            ? await OpenPaymentAsync(storedCase, receivedAt, now, opened, cancellationToken)
            : null;
    }

    private async Task<MeasureOutcome?> ServeDecisionAsync(StoredCase storedCase, CaseMeasureInput input, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken) =>
        storedCase.FineAmount is not > 0
            ? MeasureOutcome.Conflict("The case has no fine recorded; record it first with kind penalty-decided (fineAmount). 案件未记录罚款金额，请先记录罚没决定。")
            : await OpenPaymentAsync(storedCase, input.At, now, opened, cancellationToken);

    private async Task<MeasureOutcome?> OpenPaymentAsync(StoredCase storedCase, DateTimeOffset receivedAt, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken) =>
        await RunningAsync(storedCase.Id, [CaseMeasureKind.PaymentRule], cancellationToken) is not null
            ? MeasureOutcome.Conflict("The payment period is already running. 罚款缴纳期限已在计算。")
            : await OpenAsync(storedCase, CaseMeasureKind.PaymentRule, receivedAt, now, opened, cancellationToken);

    private async Task<MeasureOutcome?> PayAsync(StoredCase storedCase, CaseMeasureInput input, string actor, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (storedCase.FineAmount is not > 0 || storedCase.FinePaidAt is not null)
        {
            return MeasureOutcome.Conflict(storedCase.FinePaidAt is { } paid
                ? $"The fine was already paid on {Day(paid)}. 罚款已于 {Day(paid)} 缴纳。"
                : "The case has no fine recorded; record it first with kind penalty-decided (fineAmount). 案件未记录罚款金额。");
        }

        storedCase.FinePaidAt = input.At;
        var details = $"罚款 {Yuan(storedCase.FineAmount.Value)} 元于 {Day(input.At)} 缴纳";
        if (await RunningAsync(storedCase.Id, [CaseMeasureKind.PaymentRule], cancellationToken) is { } payment)
        {
            End(payment, input.At, actor, "罚款已缴纳");
            opened.Add(payment);
            var surcharge = LatePaymentSurcharge.Compute(storedCase.FineAmount.Value, calendar.ToLocalDate(payment.DueAt), calendar.ToLocalDate(input.At));
            details += surcharge.DaysLate == 0
                ? "，未逾期"
                : $"，逾期 {surcharge.DaysLate} 日，应加处罚款 {Yuan(surcharge.Amount)} 元（每日按罚款数额的百分之三{(surcharge.Capped ? "，以罚款数额为限" : "")}；《行政处罚法》第七十二条）";
        }

        Timeline(storedCase.Id, now, actor, "FinePaid", details);
        return null;
    }

    private async Task<MeasureOutcome?> CollectCashAsync(StoredCase storedCase, CaseMeasureInput input, string actor, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (input.Amount is not > 0)
        {
            return MeasureOutcome.Invalid("amount", "amount is required: the cash collected on the spot, in yuan, more than 0. 须填写当场收缴的罚款金额（元）。");
        }

        storedCase.FineAmount ??= input.Amount;
        storedCase.PenaltyDecidedAt ??= input.At;
        storedCase.FinePaidAt ??= input.At;
        if (await RunningAsync(storedCase.Id, [CaseMeasureKind.PaymentRule], cancellationToken) is { } payment)
        {
            End(payment, input.At, actor, "当场收缴罚款");
            opened.Add(payment);
        }

        Timeline(storedCase.Id, now, actor, "CashCollected", $"当场收缴罚款 {Yuan(input.Amount.Value)} 元，应于二个工作日内交至行政机关");
        return await OpenAsync(storedCase, "ppr.cash-remittance", input.At, now, opened, cancellationToken);
    }

    private async Task<MeasureOutcome?> RemindAsync(StoredCase storedCase, CaseMeasureInput input, DateTimeOffset now, List<StoredDeadline> opened, CancellationToken cancellationToken)
    {
        if (await OpenAsync(storedCase, "ppr.enforcement-reminder", input.At, now, opened, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // The three months to apply to the court run once the reminder's ten working days are over (rules.md §2 P10).
        return await OpenAsync(storedCase, CaseMeasureKind.CourtApplicationRule, opened[^1].DueAt, now, opened, cancellationToken);
    }

    private async Task<StoredDeadline?> RunningAsync(Guid caseId, string[] codes, CancellationToken cancellationToken) =>
        await db.Deadlines.Where(d => d.CaseId == caseId && d.TaskId == null && codes.Contains(d.RuleCode!) && (d.State == DeadlineState.Running || d.State == DeadlineState.Suspended))
            .OrderBy(d => d.DueAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Ends a case-level deadline at <paramref name="at"/>: met when on time or while its clock was stopped, breached otherwise.</summary>
    private void End(StoredDeadline deadline, DateTimeOffset at, string actor, string reason)
    {
        deadline.State = deadline.State == DeadlineState.Running && at > deadline.DueAt ? DeadlineState.Breached : DeadlineState.Met;
        deadline.SuspendedAt = null;
        deadline.CompletedAt = at;
        deadline.NextStepAt = null;
        Timeline(deadline.CaseId, clock.GetUtcNow(), actor, "DeadlineCompleted",
            $"{deadline.Name}：{reason}（{Day(at)}，{(deadline.State == DeadlineState.Met ? "按期" : "逾期")}）；依据 {deadline.LegalBasis}");
    }

    private static string PenaltyText(decimal? fine, decimal? confiscation)
    {
        var parts = new List<string>();
        if (fine is { } f)
        {
            parts.Add($"罚款 {Yuan(f)} 元");
        }

        if (confiscation is { } c)
        {
            parts.Add($"没收违法所得、非法财物 {Yuan(c)} 元");
        }

        return string.Join("，", parts);
    }

    private static string Yuan(decimal amount) => amount.ToString("0.##", Invariant);

    private string Day(DateTimeOffset instant) => calendar.ToLocalDate(instant).ToString("yyyy-MM-dd", Invariant);

    private void Timeline(Guid caseId, DateTimeOffset at, string actor, string @event, string details) =>
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = at, Actor = actor, Event = @event, Details = details });
}
