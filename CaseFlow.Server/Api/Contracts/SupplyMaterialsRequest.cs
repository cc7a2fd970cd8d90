namespace CaseFlow.Server.Api.Contracts;

/// <summary>
/// The body of <c>PUT /api/cases/{id}/materials</c>: what the complainant supplied on 补正, or what the desk learned on a
/// call-back. Only the fields given are recorded; an empty or missing field leaves the registered value as it is.
/// </summary>
public sealed record SupplyMaterialsRequest(PartyRequest? Complainant, RespondentRequest? Respondent, CaseSourceRequest? Source, string? Note);
