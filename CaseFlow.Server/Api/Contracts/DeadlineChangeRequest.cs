namespace CaseFlow.Server.Api.Contracts;

/// <summary>
/// The body of <c>POST /api/cases/{id}/deadlines/{deadlineId}/suspend</c>, <c>/resume</c> and <c>/extend</c>:
/// suspend takes <c>reason</c> and <c>kind</c>; resume takes <c>reason</c>; extend takes <c>reason</c>,
/// <c>approvedBy</c> and <c>approval</c> (<c>OfficeHead</c> or <c>CollectiveDecision</c>).
/// </summary>
public sealed record DeadlineChangeRequest(string? Reason, string? Kind, string? ApprovedBy, string? Approval);
