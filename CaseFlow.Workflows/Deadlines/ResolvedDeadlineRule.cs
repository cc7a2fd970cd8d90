namespace CaseFlow.Workflows.Deadlines;

/// <summary>A rule together with the rule set it came from.</summary>
/// <param name="RuleSet">The set in force on the receipt date.</param>
/// <param name="Rule">The rule.</param>
public sealed record ResolvedDeadlineRule(DeadlineRuleSet RuleSet, DeadlineRule Rule);
