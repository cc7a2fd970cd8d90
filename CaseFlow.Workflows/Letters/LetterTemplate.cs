namespace CaseFlow.Workflows.Letters;

/// <summary>One version of a letter or email: a subject and a body with <c>{{field}}</c> merge fields.</summary>
/// <param name="Code">Stable code processes refer to, e.g. <c>refusal</c>.</param>
/// <param name="Name">Chinese name shown to legal officers, e.g. 不予受理告知.</param>
/// <param name="Subject">Subject line template.</param>
/// <param name="Body">Plain-text body template.</param>
/// <param name="Fields">The merge fields this template may use; anything else is refused when a version is saved.</param>
public sealed record LetterTemplate(string Code, string Name, string Subject, string Body, IReadOnlyList<string> Fields);
