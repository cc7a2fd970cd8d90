using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>An attribute or input value: a literal, or a <c>${...}</c> / <c>expression=</c> JavaScript expression.</summary>
internal sealed record ValueTemplate(string? Literal, CompiledExpression? Expression);
