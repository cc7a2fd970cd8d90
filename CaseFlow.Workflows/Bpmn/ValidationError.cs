namespace CaseFlow.Workflows.Bpmn;

/// <summary>A problem in a process definition, tied to the BPMN element a legal officer must fix.</summary>
/// <remarks>
/// The modelers are Chinese civil servants, while operators and logs work in English, so every problem is
/// stated in both languages; <see cref="Message"/> stays positional and English so the existing JSON field
/// <c>message</c> keeps its meaning.
/// </remarks>
/// <param name="ElementId">The offending element's id (the process id, or <c>definitions</c> for document-level problems).</param>
/// <param name="Message">A plain sentence saying what is wrong and what to do.</param>
public sealed record ValidationError(string ElementId, string Message)
{
    /// <summary>The same problem in Simplified Chinese, for the modeler's UI (<c>messageZh</c> in JSON).</summary>
    public string? MessageZh { get; init; }

    /// <summary>Error (the default), or a warning or note that does not stop publishing (<c>severity</c> in JSON).</summary>
    public ValidationSeverity Severity { get; init; } = ValidationSeverity.Error;
}
