namespace CaseFlow.Workflows.Runtime;

/// <summary>Limits for the engine, the expression sandbox and the BPMN reader.</summary>
/// <remarks>
/// The limits exist because process definitions come from people, not from code review: a legal officer's
/// typo must not be able to hang a server thread, exhaust memory, or make the parser chew on a huge upload.
/// </remarks>
public sealed class WorkflowEngineOptions
{
    /// <summary>Wall-clock budget for one expression evaluation.</summary>
    public TimeSpan ExpressionTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bytes one expression evaluation may allocate.</summary>
    public long ExpressionMemoryLimitBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Maximum JavaScript call depth.</summary>
    public int ExpressionRecursionLimit { get; set; } = 64;

    /// <summary>Maximum JavaScript statements executed by one evaluation.</summary>
    public int ExpressionMaxStatements { get; set; } = 10_000;

    /// <summary>Elements entered by one command before the engine assumes a loop without a wait state.</summary>
    public int MaxStepsPerCommand { get; set; } = 10_000;

    /// <summary>Largest BPMN document accepted, in characters.</summary>
    public long MaxDocumentCharacters { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest number of XML elements in a BPMN document.</summary>
    public int MaxElements { get; set; } = 10_000;

    /// <summary>Deepest XML element nesting in a BPMN document.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Most tasks one multi-instance user task may open (a collection or cardinality above it faults the instance).</summary>
    public int MaxMultiInstances { get; set; } = 200;
}
