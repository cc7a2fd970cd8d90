namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A deadline rule set as legal officers edit it: the whole set as JSON (seeded from the shipped data).</summary>
public sealed class StoredRuleSet
{
    /// <summary>e.g. O121.</summary>
    public required string Id { get; set; }

    /// <summary>The <c>DeadlineRuleSet</c> in its JSON form.</summary>
    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
