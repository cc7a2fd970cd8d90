namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>The plan of a migration, and what it did when it was applied.</summary>
/// <param name="Plan">What the migration does (or would do, or why it cannot).</param>
/// <param name="Result">The changes to save; null for a dry run or a refused plan (the instance is unchanged).</param>
public sealed record MigrationOutcome(MigrationPlan Plan, ExecutionResult? Result);
