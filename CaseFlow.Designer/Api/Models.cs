namespace CaseFlow.Designer.Api;

// The shapes of the public API's answers (docs/api.md), only the fields the Designer shows.

public sealed record TokenAnswer(string AccessToken, DateTimeOffset ExpiresAt, string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

public sealed record TaskItem(
    Guid Id,
    string Name,
    string ElementId,
    Guid? CaseId,
    string? CaseNumber,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt,
    int? WorkingDaysLeft,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Outcomes,
    string State,
    int EscalationLevel,
    string? CaseSubject = null,
    string? RespondentName = null,
    string? CaseOfficeId = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record Party(string Name, string? Phone, string? Email, string? Address);

public sealed record Respondent(string Name, string? Address, string? CreditCode);

public sealed record Deadline(Guid Id, string Name, DateTimeOffset DueAt, string DueDate, string Rule, string State, int? WorkingDaysLeft, string? RuleCode, string? LegalBasis);

public sealed record TimelineEntry(DateTimeOffset Time, string Actor, string Event, string? Details);

public sealed record CaseDetail(
    Guid Id,
    string Number,
    string Kind,
    string Channel,
    string Status,
    string? OfficeId,
    DateTimeOffset ReceivedAt,
    Party Complainant,
    Respondent Respondent,
    string Category,
    string Subject,
    string Description,
    decimal? AmountInvolved,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyList<TimelineEntry> Timeline,
    Guid? ProcessInstanceId = null,
    IReadOnlyList<CaseWarning>? Warnings = null,
    LegalTexts? LegalTexts = null,
    bool Anonymous = false,
    CaseLinks? Links = null);

/// <summary>The part of a case's links the page uses: the office the district table suggests.</summary>
public sealed record CaseLinks(string? SuggestedOfficeId);

/// <summary>The named queues of the workbench and the query each one sends to <c>GET /api/tasks</c>.</summary>
public enum QueueName
{
    Mine,
    Candidate,
    Overdue,
    All,
}

public sealed record ProcessSummary(string Key, string Name, int? PublishedVersion, bool Draft);

public sealed record ValidationProblem(string ElementId, string Message, string? MessageZh);

/// <summary>What saving a draft or publishing answered: the validation errors, and the version when published.</summary>
public sealed record ValidationAnswer(bool Valid, IReadOnlyList<ValidationProblem> Errors, int? Version = null);

public sealed record ActivityInput(string Name, string Type, string Description, bool Required, IReadOnlyList<string>? Options, string? DisplayNameZh, string? RequiredUnless);

public sealed record ActivityDescriptor(string Name, string Category, string DisplayName, string Description, IReadOnlyList<ActivityInput> Inputs, string? DisplayNameZh, string? DisplayNameEn, string? DescriptionZh);

public sealed record StartedInstance(Guid Id);

/// <summary>The element selected on the modeler's canvas, as wwwroot/js/modeler.js describes it.</summary>
public sealed record SelectedElement(string Id, string Type, string Name, Dictionary<string, string> Attributes, List<ElementInput> Inputs, string? Condition, string? Form = null);

/// <summary>One <c>caseflow:input</c> of a service task: a literal value, or a JavaScript expression over the variables.</summary>
public sealed record ElementInput(string Name, string Text, bool IsExpression);
