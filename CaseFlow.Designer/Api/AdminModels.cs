namespace CaseFlow.Designer.Api;

// The answers of the version history and the admin endpoints (docs/api.md), only the fields the pages show.

public sealed record ProcessVersionInfo(int Version, string Name, DateTimeOffset PublishedAt, string? PublishedBy);

public sealed record UserAccount(string UserName, string DisplayName, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, bool Disabled, DateTimeOffset? LockedUntil);

public sealed record NewUser(string UserName, string DisplayName, string? Email, string Password, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

public sealed record GroupInfo(string Name, string? OfficeName, IReadOnlyList<string> Members);

public sealed record OfficeInfo(string Id, string Name, string? Email);

public sealed record CalendarYearSummary(int Year, string? Source, string? Notice, int Holidays, int WorkingWeekends, string? LoadedBy, DateTimeOffset? LoadedAt, bool Pending);

public sealed record CalendarDay(string Date, string Name);

public sealed record CalendarPending(string? Notice, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> WorkingWeekends, string? PendingBy, DateTimeOffset? PendingAt);

public sealed record CalendarYearDetail(CalendarYearSummary Summary, IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> WorkingWeekends, CalendarPending? Pending);

public sealed record CalendarYearBody(IReadOnlyList<CalendarDay> Holidays, IReadOnlyList<CalendarDay> WorkingWeekends, string? Source);

/// <summary>A running deadline or timed task whose due date a calendar change moves.</summary>
public sealed record CalendarImpactItem(string Kind, Guid Id, Guid? CaseId, Guid? TaskId, string Name, string? Rule, string? OldDueDate, string? NewDueDate);

public sealed record CalendarUpload(int Year, string State, int Holidays, int WorkingWeekends, IReadOnlyList<CalendarImpactItem> Impact);

public sealed record CalendarConfirmation(int Year, string State, IReadOnlyList<CalendarImpactItem> Recalculated, IReadOnlyList<CalendarImpactItem> NeedsReview);

public sealed record TemplateSummary(string Code, string Name, int Version, IReadOnlyList<string> Fields, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record TemplateVersion(int Version, string Subject, string Body, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record TemplateDetail(string Code, string Name, IReadOnlyList<string> Fields, TemplateVersion Current);

public sealed record TemplatePreview(string Code, int Version, string Subject, string Body, IReadOnlyList<string> MissingFields);

public sealed record OutboxItem(Guid Id, string To, string Subject, string State, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record Incident(Guid InstanceId, string ProcessKey, int Version, Guid? CaseId, string ElementId, string Kind, string Message, DateTimeOffset At);
