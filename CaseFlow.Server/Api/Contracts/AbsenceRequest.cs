namespace CaseFlow.Server.Api.Contracts;

/// <summary>Body of <c>PUT /api/users/{userName}/absence</c>.</summary>
/// <param name="Deputy">The user who takes the absent user's tasks.</param>
/// <param name="From">Start of the absence (instant, ISO 8601).</param>
/// <param name="Until">End of the absence, exclusive.</param>
/// <param name="Reason">Why (leave, training); kept for the record.</param>
public sealed record AbsenceRequest(string? Deputy, DateTimeOffset? From, DateTimeOffset? Until, string? Reason);
