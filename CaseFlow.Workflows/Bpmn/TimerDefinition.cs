using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>When a timer fires: after a duration (counted on the business calendar), at a fixed instant, or repeatedly.</summary>
/// <param name="Duration">The duration, or for a cycle the interval between firings.</param>
/// <param name="At">A fixed instant (<c>timeDate</c>).</param>
/// <param name="Text">The normalised text, for history.</param>
/// <param name="IsCycle">True for <c>timeCycle</c> (<c>R3/PT2S</c>, <c>R/1wd</c>): each firing schedules the next.</param>
/// <param name="Repetitions">For a cycle: how many firings in all; null means unbounded (<c>R/...</c>).</param>
internal sealed record TimerDefinition(BusinessDuration? Duration, DateTimeOffset? At, string Text, bool IsCycle = false, int? Repetitions = null);
