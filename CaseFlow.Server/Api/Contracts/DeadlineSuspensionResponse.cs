namespace CaseFlow.Server.Api.Contracts;

/// <summary>One suspension of a deadline; <c>resumedAt</c> is null while it lasts.</summary>
public sealed record DeadlineSuspensionResponse(
    string? Kind,
    DateTimeOffset SuspendedAt,
    string SuspendedBy,
    string Reason,
    DateTimeOffset? ResumedAt,
    string? ResumedBy,
    string? ResumeReason,
    DateTimeOffset? DueAfter);
