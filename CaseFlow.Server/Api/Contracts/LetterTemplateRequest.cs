namespace CaseFlow.Server.Api.Contracts;

/// <summary>
/// A new version of a letter template: subject line and body with <c>{{field}}</c> merge fields, and optionally who it
/// is addressed to (complainant, respondent, police, internal; omitted keeps the current version's).
/// </summary>
public sealed record LetterTemplateRequest(string? Subject, string? Body, string? AddressedTo = null);
