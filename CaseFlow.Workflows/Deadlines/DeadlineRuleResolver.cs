namespace CaseFlow.Workflows.Deadlines;

/// <summary>Picks the rule a case uses: the one from the rule set in force on the day the case was received.</summary>
public static class DeadlineRuleResolver
{
    /// <summary>
    /// The rule with <paramref name="code"/> from the set whose effective range contains <paramref name="receivedOn"/>
    /// (the receipt date in Asia/Shanghai), or null when no set in force has it.
    /// </summary>
    /// <remarks>Validation refuses overlapping ranges for one code, so at most one set matches; the latest start wins otherwise.</remarks>
    public static ResolvedDeadlineRule? Resolve(IEnumerable<DeadlineRuleSet> ruleSets, string code, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        return ruleSets
            .Where(s => s.IsInForceOn(receivedOn))
            .OrderByDescending(s => s.EffectiveFrom)
            .Select(s => s.Rules.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal)) is { } rule ? new ResolvedDeadlineRule(s, rule) : null)
            .FirstOrDefault(r => r is not null);
    }
}
