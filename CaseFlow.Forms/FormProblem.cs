namespace CaseFlow.Forms;

/// <summary>A problem in a form schema, in English and Chinese, with the component it concerns.</summary>
public sealed record FormProblem(string? ComponentId, string Message, string MessageZh);
