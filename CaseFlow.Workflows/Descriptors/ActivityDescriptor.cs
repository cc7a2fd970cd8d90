namespace CaseFlow.Workflows.Descriptors;

/// <summary>An activity as offered to the Designer: served as JSON (camelCase) at <c>/api/activity-descriptors</c>.</summary>
/// <param name="Name">The value of <c>caseflow:activity</c>, e.g. <c>SendEmail</c>.</param>
/// <param name="Category">Palette group.</param>
/// <param name="DisplayName">Name shown to users (Chinese).</param>
/// <param name="Description">What it does (English).</param>
/// <param name="Inputs">Its inputs, in declaration order.</param>
/// <param name="DisplayNameZh">Chinese display name (same as <paramref name="DisplayName"/>).</param>
/// <param name="DisplayNameEn">English display name.</param>
/// <param name="DescriptionZh">Chinese description, if any.</param>
public sealed record ActivityDescriptor(
    string Name,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<ActivityInputDescriptor> Inputs,
    string? DisplayNameZh = null,
    string? DisplayNameEn = null,
    string? DescriptionZh = null)
{
    /// <summary>
    /// Runs before a failure becomes an incident (from <see cref="ActivityRetryAttribute"/>; 1 when the activity
    /// has none). Shown in the Designer so a legal officer knows what <c>caseflow:retries</c> overrides.
    /// </summary>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Wait before the second run, in seconds; doubled for each further run.</summary>
    public double RetryBackoffSeconds { get; init; }
}
