using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>A sequence flow, with its condition compiled once at parse time.</summary>
/// <param name="Id">The flow's BPMN id.</param>
/// <param name="SourceId">The element it leaves.</param>
/// <param name="TargetId">The element it enters.</param>
/// <param name="Condition">The compiled condition, or null when there is none (or it did not compile).</param>
/// <param name="IsConditional">True when the flow declares a condition, even one that failed to compile (so validation does not also call it unconditioned).</param>
internal sealed record SequenceFlow(string Id, string SourceId, string TargetId, CompiledExpression? Condition, bool IsConditional);
