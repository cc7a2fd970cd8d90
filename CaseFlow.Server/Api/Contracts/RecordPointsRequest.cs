namespace CaseFlow.Server.Api.Contracts;

/// <summary>Body of <c>POST /api/points</c>: a manual ledger event (ViolationLeadFound, ComplaintAboutHandler).</summary>
public sealed record RecordPointsRequest(string? UserName, string? Event, Guid? CaseId, string? Details);
