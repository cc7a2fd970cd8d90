namespace CaseFlow.Workflows.Bpmn;

/// <summary>A problem in a process definition, tied to the BPMN element a legal officer must fix.</summary>
/// <param name="ElementId">The offending element's id (the process id, or <c>definitions</c> for document-level problems).</param>
/// <param name="Message">A plain sentence saying what is wrong and what to do.</param>
public sealed record ValidationError(string ElementId, string Message);
