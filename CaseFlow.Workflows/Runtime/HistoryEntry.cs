namespace CaseFlow.Workflows.Runtime;

/// <summary>One line of an instance's history: an element entered or left, a bookmark resumed, an incident.</summary>
/// <param name="At">When it happened (from the engine's <see cref="TimeProvider"/>).</param>
/// <param name="ElementId">The element concerned, if any.</param>
/// <param name="Event">A stable event name, e.g. <c>ElementCompleted</c>, <c>TaskCompleted</c>, <c>TimerFired</c>.</param>
/// <param name="Details">Human-readable details (no personal data).</param>
/// <param name="Actor">The user who caused it, or null for the system.</param>
/// <param name="Reason">Why an operator did it (cancel, move, migrate, variables, incident retry); null for the process's own steps.</param>
public sealed record HistoryEntry(DateTimeOffset At, string? ElementId, string Event, string? Details, string? Actor = null, string? Reason = null);
