namespace CaseFlow.Workflows.Descriptors;

/// <summary>Marks a class as a CaseFlow activity and describes it for the Designer's palette.</summary>
/// <remarks>The descriptor served at <c>/api/activity-descriptors</c> is built from this attribute, so nothing about an activity is hard-coded in the UI.</remarks>
/// <param name="category">Palette group, e.g. <c>Notification</c> or <c>Case</c>.</param>
/// <param name="displayName">Name shown to users (Chinese, the users' language).</param>
/// <param name="description">What the activity does, in English.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string displayName, string description) : Attribute
{
    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    public string Description { get; } = description;

    /// <summary>The English display name, for English-speaking operators and API clients.</summary>
    public string? DisplayNameEn { get; init; }

    /// <summary>The description in Chinese.</summary>
    public string? DescriptionZh { get; init; }

    /// <summary>The name used in <c>caseflow:activity</c>; defaults to the class name.</summary>
    public string? Name { get; init; }
}
