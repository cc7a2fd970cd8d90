namespace CaseFlow.Server.Api.Contracts;

/// <summary>Body of <c>POST /api/users/{userName}/handover</c>.</summary>
/// <param name="To">Who receives the open tasks; the user's current deputy when omitted.</param>
/// <param name="Reason">Why, recorded on each case's timeline.</param>
public sealed record HandoverRequest(string? To, string? Reason);
