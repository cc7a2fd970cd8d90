namespace CaseFlow.Workflows.Runtime;

/// <summary>Something the engine could not do on its own; the instance is faulted until an operator acts.</summary>
/// <param name="ElementId">The element where it happened.</param>
/// <param name="Kind">A stable kind, e.g. <c>ExpressionError</c>, <c>SandboxLimit</c>, <c>ActivityFailed</c>.</param>
/// <param name="Message">What happened, in words an operator can act on.</param>
public sealed record Incident(string ElementId, string Kind, string Message);
