namespace CaseFlow.Server.Jurisdiction;

/// <summary>The office the table suggests, the district that matched and why (which address decided).</summary>
public sealed record JurisdictionSuggestion(string OfficeId, string District, string Basis);
