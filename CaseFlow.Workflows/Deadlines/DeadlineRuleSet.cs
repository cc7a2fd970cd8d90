namespace CaseFlow.Workflows.Deadlines;

/// <summary>
/// The deadlines of one legal source (O121, PPR, O310, the repealed O20), in force from <see cref="EffectiveFrom"/>
/// to <see cref="EffectiveTo"/> inclusive. A case uses the rule in force on the day it was received.
/// </summary>
public sealed record DeadlineRuleSet
{
    /// <summary>Short id, e.g. <c>O121</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The legal text, e.g. 《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）.</summary>
    public string LegalSource { get; init; } = "";

    /// <summary>First day (Asia/Shanghai) the rules apply to a received case.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day they apply; null while in force.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>The rules.</summary>
    public IReadOnlyList<DeadlineRule> Rules { get; init; } = [];

    /// <summary>Whether <paramref name="day"/> lies in the effective range.</summary>
    public bool IsInForceOn(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>Whether this set's effective range shares a day with <paramref name="other"/>'s.</summary>
    public bool Overlaps(DeadlineRuleSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (EffectiveTo is null || other.EffectiveFrom <= EffectiveTo) && (other.EffectiveTo is null || EffectiveFrom <= other.EffectiveTo);
    }
}
