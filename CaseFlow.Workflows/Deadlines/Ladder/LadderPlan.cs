namespace CaseFlow.Workflows.Deadlines.Ladder;

/// <summary>What a deadline's ladder asks for at one moment.</summary>
/// <param name="Due">Steps to fire now, in firing order.</param>
/// <param name="NextAt">When the ladder needs attention next, once <paramref name="Due"/> has fired; null when nothing is left.</param>
public sealed record LadderPlan(IReadOnlyList<LadderStep> Due, DateTimeOffset? NextAt);
