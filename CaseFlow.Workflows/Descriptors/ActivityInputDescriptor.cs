namespace CaseFlow.Workflows.Descriptors;

/// <summary>One input of an activity as the Designer sees it.</summary>
/// <param name="Name">The <c>caseflow:input</c> name.</param>
/// <param name="Type"><c>string</c>, <c>number</c>, <c>boolean</c>, <c>enum</c> or <c>json</c>.</param>
/// <param name="Description">What the input means.</param>
/// <param name="Required">Whether a definition must declare it.</param>
/// <param name="Options">For <c>enum</c> inputs: the allowed values.</param>
/// <param name="DisplayNameZh">Label in Chinese, if any.</param>
public sealed record ActivityInputDescriptor(
    string Name,
    string Type,
    string Description,
    bool Required,
    IReadOnlyList<string>? Options = null,
    string? DisplayNameZh = null)
{
    /// <summary>When set, the input is required only if this other input is not declared (SendEmail: subject unless template).</summary>
    public string? RequiredUnless { get; init; }
}
