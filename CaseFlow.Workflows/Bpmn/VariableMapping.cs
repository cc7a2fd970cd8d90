using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>One <c>caseflow:in</c> or <c>caseflow:out</c> of a call activity: a variable (or an expression) copied to a target name.</summary>
/// <param name="Source">The variable read; null when <paramref name="SourceExpression"/> is used.</param>
/// <param name="SourceExpression">A JavaScript expression over the giving side's variables.</param>
/// <param name="Target">The variable written on the receiving side.</param>
internal sealed record VariableMapping(string? Source, CompiledExpression? SourceExpression, string Target);
