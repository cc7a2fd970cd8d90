namespace CaseFlow.Server.Api.Contracts;

/// <summary>One granted extension of a deadline.</summary>
public sealed record DeadlineExtensionResponse(DateTimeOffset At, string Actor, string Reason, string? ApprovedBy, string? Approval, DateTimeOffset DueBefore, DateTimeOffset DueAfter);
