namespace CaseFlow.Workflows.Runtime;

/// <summary>A token: one thread of execution positioned on an element.</summary>
/// <param name="Id">Unique per token.</param>
/// <param name="ElementId">The element it sits on.</param>
public sealed record Token(Guid Id, string ElementId);
