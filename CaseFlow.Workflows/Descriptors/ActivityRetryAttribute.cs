namespace CaseFlow.Workflows.Descriptors;

/// <summary>
/// How often the engine runs an activity before a failure becomes an incident, and how long it waits between runs.
/// </summary>
/// <remarks>
/// Activities that depend on something transient (a register that is briefly unavailable, data another step is
/// still writing) deserve a few automatic attempts before an operator is bothered; activities whose failure is
/// certain to repeat should not carry this attribute (they get one attempt). A service task may override the
/// budget with <c>caseflow:retries</c> and <c>caseflow:retryBackoff</c>. The wait doubles after each failure.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityRetryAttribute : Attribute
{
    /// <summary>Runs in total, including the first; at least 1.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the second run, in seconds; doubled for each further run.</summary>
    public double BackoffSeconds { get; init; } = 5;
}
