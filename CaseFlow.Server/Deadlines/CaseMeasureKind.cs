namespace CaseFlow.Server.Deadlines;

/// <summary>
/// A measure or event handlers record on a case (a seizure on a date, a fine decided, cash collected) and the statutory
/// deadlines it opens. The events happen during investigation and execution, between the steps a process draws, so
/// they are recorded directly rather than by a task (docs/api.md, "Measures and the deadlines they open").
/// </summary>
/// <param name="Code">The kind as the API takes it, e.g. <c>seizure</c>.</param>
/// <param name="NameZh">How the timeline names it, e.g. 查封、扣押.</param>
/// <param name="Rules">The rule codes it opens, counted from the measure's date (the first rule for a complaint may differ, see <see cref="ComplaintRule"/>).</param>
/// <param name="ComplaintRule">For a complaint, the rule opened instead of the first of <paramref name="Rules"/> (O121 rather than the PPR); null to use <paramref name="Rules"/>.</param>
public sealed record CaseMeasureKind(string Code, string NameZh, IReadOnlyList<string> Rules, string? ComplaintRule = null)
{
    public const string JurisdictionDispute = "jurisdiction-dispute";
    public const string JurisdictionReferred = "jurisdiction-referred";
    public const string EvidencePreserved = "evidence-preserved";
    public const string Seizure = "seizure";
    public const string HearingScheduled = "hearing-scheduled";
    public const string PenaltyDecided = "penalty-decided";
    public const string DecisionServed = "decision-served";
    public const string FinePaid = "fine-paid";
    public const string CashCollected = "cash-collected";
    public const string EnforcementReminder = "enforcement-reminder";
    public const string PublicationRevoked = "publication-revoked";

    /// <summary>The rule of the payment period; the late-payment surcharge counts from its end.</summary>
    public const string PaymentRule = "ppr.payment";

    /// <summary>The rule of the court application, opened from the end of the reminder period.</summary>
    public const string CourtApplicationRule = "ppr.court-application";

    /// <summary>Every kind, in the order the documentation lists them.</summary>
    public static IReadOnlyList<CaseMeasureKind> All { get; } =
    [
        new(JurisdictionDispute, "管辖权争议", ["ppr.jurisdiction-negotiation"], ComplaintRule: "complaint.jurisdiction-negotiation"),
        new(JurisdictionReferred, "报请上一级指定管辖", ["ppr.jurisdiction-designation"]),
        new(EvidencePreserved, "先行登记保存证据", ["ppr.evidence-preservation"]),
        new(Seizure, "查封、扣押", ["ppr.seizure"]),
        new(HearingScheduled, "确定听证日期", ["ppr.hearing-notice"]),
        new(PenaltyDecided, "作出罚没决定", []),
        new(DecisionServed, "行政处罚决定书送达当事人", [PaymentRule]),
        new(FinePaid, "缴纳罚款", []),
        new(CashCollected, "当场收缴罚款", ["ppr.cash-remittance"]),
        new(EnforcementReminder, "催告当事人履行", ["ppr.enforcement-reminder", CourtApplicationRule]),
        new(PublicationRevoked, "行政处罚决定被变更、撤销或者确认违法、无效", ["ppr.publication-withdrawal"]),
    ];

    /// <summary>The kind named <paramref name="code"/>, or null.</summary>
    public static CaseMeasureKind? Find(string? code) => All.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.Ordinal));
}
