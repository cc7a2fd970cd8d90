namespace CaseFlow.Workflows.Runtime;

/// <summary>Record what a complaint achieved: money recovered (挽回经济损失) and the return visit's rating (回访).</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="RecoveredAmount">Yuan recovered for the consumer, or null to leave it unchanged.</param>
/// <param name="Satisfaction">very-satisfied, satisfied, neutral or dissatisfied, or null to leave it unchanged.</param>
public sealed record SetCaseOutcomeEffect(string ElementId, decimal? RecoveredAmount, string? Satisfaction) : WorkflowEffect(ElementId);

/// <summary>
/// The complaint reaches the regulator now (after business-first handling by an ODR enterprise); statutory periods
/// that run from receipt count from here (rules.md §1.4: ODR time is not the authority's time).
/// </summary>
public sealed record RegulatorReceiptEffect(string ElementId) : WorkflowEffect(ElementId);

/// <summary>Open a new case linked to this one (ParentCaseId) and start its kind's published process.</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="Kind">complaint or report.</param>
/// <param name="Subject">The new case's subject.</param>
/// <param name="Description">The facts of the new case.</param>
/// <param name="IdempotencyKey">Stable per (instance, element, token), so a re-run never opens it twice.</param>
public sealed record OpenLinkedCaseEffect(string ElementId, string Kind, string Subject, string Description, string IdempotencyKey) : WorkflowEffect(ElementId);

/// <summary>A person decided on a proposed duplicate report (see <see cref="Activities.RecordDuplicateDecision"/>).</summary>
/// <param name="ElementId">The service task that asked for it.</param>
/// <param name="Decision">Merged, linked or rejected.</param>
/// <param name="Note">The decider's note, or null.</param>
public sealed record DuplicateDecisionEffect(string ElementId, Cases.DuplicateDecision Decision, string? Note) : WorkflowEffect(ElementId);
