namespace CaseFlow.Workflows.Expressions;

/// <summary>An expression that could not be evaluated, with a message an operator can act on.</summary>
/// <param name="Kind">Error in the script, or a sandbox limit.</param>
/// <param name="Message">What went wrong, in a sentence.</param>
public sealed record ExpressionFailure(ExpressionFailureKind Kind, string Message)
{
    /// <summary>The incident kind the engine records for this failure.</summary>
    public string IncidentKind => Kind == ExpressionFailureKind.SandboxLimit ? "SandboxLimit" : "ExpressionError";
}
