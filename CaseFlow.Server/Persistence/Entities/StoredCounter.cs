namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A named sequence (case numbers per kind and year), incremented inside the command's transaction.</summary>
public sealed class StoredCounter
{
    public required string Name { get; set; }

    public long Value { get; set; }
}
