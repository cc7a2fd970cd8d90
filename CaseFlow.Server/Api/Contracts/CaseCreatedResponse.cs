namespace CaseFlow.Server.Api.Contracts;

/// <summary>The answer to <c>POST /api/cases</c>.</summary>
public sealed record CaseCreatedResponse(Guid Id, string Number, string Status, Guid? ProcessInstanceId);
