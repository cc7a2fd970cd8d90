namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A named sequence (case numbers per kind and year), taken by one atomic upsert (CaseNumberCounter), never through change tracking.</summary>
public sealed class StoredCounter
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
