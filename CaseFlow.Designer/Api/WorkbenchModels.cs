namespace CaseFlow.Designer.Api;

// Shapes for the intake form, the case page's documents and diagram, and the supervisor dashboard (docs/api.md).

/// <summary>An Art. 17 warning sign on a complaint (O121 Art. 17): informs the person deciding on acceptance, never decides.</summary>
public sealed record CaseWarning(string Code, string Factor, string Message, string MessageZh, IReadOnlyList<string> RelatedCases, string Category = "art17");

/// <summary>The citations of the complaint rules in force on a receipt date (Order 20 before 2026-04-15, Order 121 from then).</summary>
public sealed record LegalTexts(string RuleSet, string RulesName, string MaterialsChecklistTitle, string RefusalArticle, string? ProfessionalClaimantsArticle, string NotConsumptionRefusalReason);

/// <summary>The body of <c>POST /api/cases</c> as the intake form fills it.</summary>
public sealed record NewCase(
    string Kind,
    string Channel,
    DateTimeOffset? ReceivedAt,
    NewParty Complainant,
    NewRespondent Respondent,
    string? Category,
    string? Subject,
    string? Description,
    decimal? AmountInvolved,
    NewSource? Source = null);

/// <summary>The transfer or assignment letter, inspection record or sampling report a clue came with (PPR Art. 18).</summary>
public sealed record NewSource(string? Organisation, string? Reference);

public sealed record NewParty(string? Name, string? Phone, string? Email, string? Address, string? IdNumber);

public sealed record NewRespondent(string? Name, string? Address, string? CreditCode, string? PlatformName, string? PlatformAddress);

public sealed record CreatedCase(Guid Id, string Number, string Status);

public sealed record CaseDocument(
    Guid Id,
    string FileName,
    string Kind,
    string? Title,
    long Size,
    string ContentType,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>What <c>wwwroot/js/files.js</c> reports after an upload: the HTTP status and the answer's text.</summary>
public sealed record UploadAnswer(int Status, string Body);

/// <summary>Where a process instance stands (<c>GET /api/instances/{id}</c>), only what the diagram needs.</summary>
public sealed record InstancePosition(Guid Id, string ProcessKey, int Version, string Status, IReadOnlyList<string> ActiveElementIds);

public sealed record SupervisionItem(
    Guid Id,
    string Kind,
    int Level,
    Guid CaseId,
    string CaseNumber,
    string CaseSubject,
    string? OfficeId,
    Guid? TaskId,
    string? TaskName,
    string? Assignee,
    string DeadlineName,
    string? LegalBasis,
    DateTimeOffset DueAt,
    int WorkingDaysLeft,
    DateTimeOffset FiredAt,
    bool Open);

public sealed record OnTimeFigures(int Due, int Met);

public sealed record SatisfactionFigures(int Rated, int VerySatisfied, int Satisfied, int Neutral, int Dissatisfied);

public sealed record ReportSummary(
    string From,
    string To,
    int Received,
    IReadOnlyDictionary<string, int> ReceivedByKind,
    int Accepted,
    int Closed,
    decimal? ClosureRate,
    OnTimeFigures OnTime,
    decimal? OnTimeRate,
    SatisfactionFigures Satisfaction,
    decimal? SatisfactionRate,
    decimal MoneyRecovered,
    int CasesOpened,
    int TransferredToPolice,
    string Narrative);
