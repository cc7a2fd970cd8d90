namespace CaseFlow.Server.Api.Contracts;

/// <summary>The answer to <c>POST /api/cases</c>; <c>linkedCases</c> lists the report registered with a mixed submission's complaint.</summary>
public sealed record CaseCreatedResponse(Guid Id, string Number, string Status, Guid? ProcessInstanceId, IReadOnlyList<CaseCreatedResponse>? LinkedCases = null);
