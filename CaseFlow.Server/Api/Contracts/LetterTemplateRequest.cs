namespace CaseFlow.Server.Api.Contracts;

/// <summary>A new version of a letter template: subject line and body with <c>{{field}}</c> merge fields.</summary>
public sealed record LetterTemplateRequest(string? Subject, string? Body);
