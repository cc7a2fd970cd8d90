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
    IReadOnlyList<TimelineEntryResponse> Timeline);

/// <summary>The complainant with phone and address masked.</summary>
public sealed record PartyResponse(string Name, string Phone, string? Email, string? Address);

/// <summary>
/// A deadline with its state and, for running ones, the working days left; statutory ones carry their rule code,
/// legal basis, extensions and suspensions.
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
    IReadOnlyList<DeadlineSuspensionResponse> Suspensions);

/// <summary>One timeline line.</summary>
public sealed record TimelineEntryResponse(DateTimeOffset Time, string Actor, string Event, string? Details);

/// <summary>A row of the case list.</summary>
public sealed record CaseSummaryResponse(Guid Id, string Number, string Kind, string Status, string? OfficeId, string Subject, string RespondentName, DateTimeOffset ReceivedAt);

/// <summary>A page of results.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total);
