using System.Text.Json.Serialization;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines;

/// <summary>One statutory period as data: what it is, where the law says so, and how it is counted.</summary>
public sealed record DeadlineRule
{
    /// <summary>Stable code a BPMN user task names in <c>caseflow:deadlineRule</c>, e.g. <c>complaint.acceptance</c>.</summary>
    public string Code { get; init; } = "";

    /// <summary>Chinese name, e.g. 受理期限.</summary>
    public string NameZh { get; init; } = "";

    /// <summary>English name, e.g. Acceptance decision.</summary>
    public string NameEn { get; init; } = "";

    /// <summary>Law and article, e.g. 《市场监督管理投诉举报处理办法》第十五条.</summary>
    public string LegalBasis { get; init; } = "";

    /// <summary>How the period is counted.</summary>
    public DeadlineUnit Unit { get; init; }

    /// <summary>The period's length in <see cref="Unit"/>.</summary>
    public int Amount { get; init; }

    /// <summary>
    /// The event the period runs from. <c>receipt</c> counts from the case's receipt, so a letter entered late still
    /// counts from when it arrived; <c>case-opened</c> counts from 立案 for a case-level deadline; any other event counts
    /// from when the task (or the case-level deadline) opens.
    /// </summary>
    public string StartEvent { get; init; } = "";

    /// <summary>Warnings before the due instant, as business durations (<c>2wd</c>).</summary>
    public IReadOnlyList<string> WarningsBefore { get; init; } = [];

    /// <summary>Steps after the due instant, in order.</summary>
    public IReadOnlyList<EscalationStep> Escalations { get; init; } = [];

    /// <summary>Extensions allowed; null when the period cannot be extended.</summary>
    public ExtensionPolicy? Extension { get; init; }

    /// <summary>Kinds of time the statute excludes from the period; a deadline may be suspended only for these.</summary>
    public IReadOnlyList<IntervalKind> ExcludedIntervals { get; init; } = [];

    /// <summary>
    /// A lead time rather than a period: the deadline falls <see cref="Amount"/> before the start event, not after it
    /// (the hearing notice is served "在举行听证的七日前", APL Art. 64: at the latest on the day from which
    /// <see cref="Amount"/> units run out on the hearing day).
    /// </summary>
    public bool CountsBack { get; init; }

    /// <summary>The start event that counts from the case's receipt.</summary>
    public const string ReceiptEvent = "receipt";

    /// <summary>The start event that counts from the day the case was opened (立案), for case-level deadlines.</summary>
    public const string CaseOpenedEvent = "case-opened";

    /// <summary>Whether a case-level period counts from 立案 (PPR Art. 64 "自立案之日起").</summary>
    public bool CountsFromCaseOpening => string.Equals(StartEvent, CaseOpenedEvent, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the period counts from the case's receipt rather than from when its task opens.</summary>
    public bool CountsFromReceipt => string.Equals(StartEvent, ReceiptEvent, StringComparison.OrdinalIgnoreCase);

    /// <summary>The period as a business duration (<c>7wd</c>, <c>60d</c>, <c>PT24H</c>).</summary>
    /// <remarks>A month period has no fixed length: it is counted by <see cref="DeadlineArithmetic"/>; see <see cref="PeriodText"/>.</remarks>
    [JsonIgnore]
    public BusinessDuration Duration => ToDuration(Amount);

    /// <summary><paramref name="amount"/> in this rule's unit as a business duration.</summary>
    /// <exception cref="InvalidOperationException">The unit is months, which no business duration expresses.</exception>
    public BusinessDuration ToDuration(int amount) => Unit switch
    {
        DeadlineUnit.WorkingDays => new BusinessDuration(DurationUnit.WorkingDays, amount, TimeSpan.Zero),
        DeadlineUnit.CalendarDays => new BusinessDuration(DurationUnit.CalendarDays, amount, TimeSpan.Zero),
        DeadlineUnit.Hours => new BusinessDuration(DurationUnit.Exact, 0, TimeSpan.FromHours(amount)),
        _ => throw new InvalidOperationException($"A period of {amount} months has no fixed length; count it with DeadlineArithmetic."),
    };

    /// <summary>
    /// <paramref name="amount"/> in this rule's unit as text: <c>7wd</c>, <c>60d</c>, <c>PT24H</c>, <c>P3M</c> for months,
    /// with a leading <c>-</c> for a lead time (<c>-7wd</c>). Stored on the deadline as its rule.
    /// </summary>
    public string PeriodText(int amount) =>
        (CountsBack ? "-" : "") + (Unit == DeadlineUnit.Months ? $"P{amount}M" : ToDuration(amount).ToString());

    /// <summary>The period as text (<see cref="PeriodText"/>).</summary>
    [JsonIgnore]
    public string Period => PeriodText(Amount);
}
