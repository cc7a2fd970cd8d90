namespace CaseFlow.Workflows.Expressions;

/// <summary>Why an expression produced no value; maps to the incident kind the engine raises.</summary>
public enum ExpressionFailureKind
{
    /// <summary>A syntax or runtime error in the script (incident kind <c>ExpressionError</c>).</summary>
    Error,

    /// <summary>The sandbox stopped the script: time, memory, recursion or statement limit (incident kind <c>SandboxLimit</c>).</summary>
    SandboxLimit,
}
