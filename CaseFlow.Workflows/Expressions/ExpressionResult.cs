namespace CaseFlow.Workflows.Expressions;

/// <summary>The value of an evaluation, or why there is none.</summary>
/// <remarks>A result type rather than exceptions: a failing expression is a modelling problem the engine turns into an incident, not a crash.</remarks>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value when <see cref="Failure"/> is null.</param>
/// <param name="Failure">Why evaluation failed, or null.</param>
public sealed record ExpressionResult<T>(T Value, ExpressionFailure? Failure)
{
    /// <summary>True when the expression produced a value.</summary>
    public bool Succeeded => Failure is null;
}
