namespace CaseFlow.Workflows.Letters;

/// <summary>A piece of a parsed template: literal text, or a merge field when <see cref="Field"/> is set.</summary>
public sealed record MergeSegment(string Text, string? Field);
