namespace CaseFlow.Server.Api.Contracts;

/// <summary>A case as <c>GET /api/cases/{id}</c> shows it; personal fields are masked.</summary>
public sealed record CaseResponse(
    Guid Id,
    string Number,
    string Kind,
    string Channel,
    string Status,
    string? OfficeId,
    DateTimeOffset ReceivedAt,
    PartyResponse Complainant,
    RespondentRequest Respondent,
    string Category,
    string Subject,
    string Description,
    decimal? AmountInvolved,
    Guid? ProcessInstanceId,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<DeadlineResponse> Deadlines,
    IReadOnlyList<TaskResponse> Tasks,
    IReadOnlyList<TimelineEntryResponse> Timeline,
    CaseLinksResponse? Links = null,
    IReadOnlyList<Cases.CaseWarning>? Warnings = null,
    decimal? RecoveredAmount = null,
    string? Satisfaction = null,
    DateTimeOffset? FiledAt = null,
    CaseLegalTexts? LegalTexts = null,
    CaseSourceRequest? Source = null,
    string? ChannelName = null,
    bool Anonymous = false,
    string? ConductDate = null,
    bool ConductSeriousHarm = false,
    CasePenaltyResponse? Penalty = null,
    string? OfficeName = null,
    string? SuggestedOfficeName = null);

/// <summary>
/// The penalty's amounts as numbers (罚没款) and the late-payment surcharge (加处罚款, 3% of the fine a day after the
/// payment period, at most the fine; APL Art. 72) as of the payment or, while unpaid, today.
/// </summary>
public sealed record CasePenaltyResponse(
    decimal? FineAmount,
    decimal? ConfiscationAmount,
    DateTimeOffset? DecidedAt,
    string? PaymentDueDate,
    DateTimeOffset? PaidAt,
    int DaysLate,
    decimal Surcharge,
    bool SurchargeCapped,
    string? SurchargeAsOf,
    string LegalBasis);

/// <summary>
/// How a case relates to others and to jurisdiction: the parent (the other half of a mixed submission, or the
/// complaint whose mediation found a clue), the first report of a duplicate, the cases opened from this one, the
/// office the district table suggests and when an ODR complaint reached the regulator.
/// </summary>
public sealed record CaseLinksResponse(
    Guid? ParentCaseId,
    Guid? DuplicateOfCaseId,
    IReadOnlyList<LinkedCaseResponse> LinkedCases,
    string? SuggestedOfficeId,
    DateTimeOffset? RegulatorReceivedAt);

/// <summary>A case opened from this one.</summary>
public sealed record LinkedCaseResponse(Guid Id, string Number, string Kind, string Status);

/// <summary>The complainant with phone and address masked.</summary>
public sealed record PartyResponse(string Name, string Phone, string? Email, string? Address, string? IdNumber = null, bool Unmasked = false);

/// <summary>
/// A deadline with its state and, for running ones, the working days left; statutory ones carry their rule code,
/// legal basis, extensions and suspensions. <c>Provisional</c>: the period reaches into a year whose holidays are not
/// loaded yet, so it was counted with the fixed-date holidays only and may move when the year is loaded.
/// </summary>
public sealed record DeadlineResponse(
    Guid Id,
    string Name,
    DateTimeOffset DueAt,
    string DueDate,
    string Rule,
    string State,
    int? WorkingDaysLeft,
    string? RuleCode,
    string? LegalBasis,
    IReadOnlyList<DeadlineExtensionResponse> Extensions,
    IReadOnlyList<DeadlineSuspensionResponse> Suspensions,
    bool Provisional = false);

/// <summary>One timeline line.</summary>
public sealed record TimelineEntryResponse(DateTimeOffset Time, string Actor, string Event, string? Details);

/// <summary>A row of the case list.</summary>
public sealed record CaseSummaryResponse(Guid Id, string Number, string Kind, string Status, string? OfficeId, string Subject, string RespondentName, DateTimeOffset ReceivedAt);

/// <summary>A page of results.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total);
