namespace CaseFlow.Server.Letters;

/// <summary>A letter rendered from a template version.</summary>
/// <param name="Code">Template code.</param>
/// <param name="Version">The template version used.</param>
/// <param name="Subject">Rendered subject line.</param>
/// <param name="Body">Rendered body.</param>
/// <param name="MissingFields">Merge fields that had no value and were rendered as a visible placeholder.</param>
public sealed record RenderedLetter(string Code, int Version, string Subject, string Body, IReadOnlyList<string> MissingFields);
