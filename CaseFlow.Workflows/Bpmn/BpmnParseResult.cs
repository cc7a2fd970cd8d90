namespace CaseFlow.Workflows.Bpmn;

/// <summary>The outcome of parsing and validating a BPMN document.</summary>
/// <param name="Graph">The executable graph; null when the document could not be read at all.</param>
/// <param name="Errors">Every problem found; a graph with errors must not be published or run.</param>
public sealed record BpmnParseResult(ProcessGraph? Graph, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>
    /// Warnings and notes (<see cref="ValidationError.Severity"/> not Error): which process was chosen and why,
    /// documentary elements kept but not run, <c>isExecutable="false"</c>. They never stop publishing.
    /// </summary>
    public IReadOnlyList<ValidationError> Warnings { get; init; } = [];

    /// <summary>True when the definition can be published and run.</summary>
    public bool IsValid => Graph is not null && Errors.Count == 0;
}
