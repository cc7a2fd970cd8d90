namespace CaseFlow.Workflows.Bpmn;

/// <summary>The outcome of parsing and validating a BPMN document.</summary>
/// <param name="Graph">The executable graph; null when the document could not be read at all.</param>
/// <param name="Errors">Every problem found; a graph with errors must not be published or run.</param>
public sealed record BpmnParseResult(ProcessGraph? Graph, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when the definition can be published and run.</summary>
    public bool IsValid => Graph is not null && Errors.Count == 0;
}
