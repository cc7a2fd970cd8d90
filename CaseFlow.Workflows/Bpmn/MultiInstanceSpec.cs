using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>A multi-instance user task (BPMN 2.0 §13.3.7): one task per item or per count, side by side or one after another.</summary>
/// <remarks>
/// Used for steps several people do, such as 会签 or a collective discussion (集体讨论) where each head completes
/// their own task. Each instance sees <c>loopCounter</c> (0-based), <c>nrOfInstances</c>, <c>nrOfCompletedInstances</c>,
/// <c>nrOfActiveInstances</c>, its <see cref="ElementVariable"/> and <c>results</c> (what the finished instances
/// submitted) in its expressions and in the completion condition.
/// </remarks>
/// <param name="Sequential">True for <c>isSequential="true"</c>: the next task opens when the previous one is completed.</param>
/// <param name="Cardinality">How many instances (<c>loopCardinality</c>), when there is no collection.</param>
/// <param name="Collection">The list with one item per instance (<c>caseflow:collection</c> or <c>loopDataInputRef</c>).</param>
/// <param name="ElementVariable">The name the item has inside its instance (<c>caseflow:elementVariable</c> or <c>inputDataItem</c>).</param>
/// <param name="CompletionCondition">Ends the whole step early when true after an instance completes; the open tasks are withdrawn.</param>
/// <param name="ResultsVariable">When set (<c>caseflow:results</c>), the process variable the list of completions is written to.</param>
internal sealed record MultiInstanceSpec(
    bool Sequential,
    CompiledExpression? Cardinality,
    CompiledExpression? Collection,
    string? ElementVariable,
    CompiledExpression? CompletionCondition,
    string? ResultsVariable);
