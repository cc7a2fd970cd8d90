namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One immutable published version of a process definition.</summary>
public sealed class StoredProcessVersion
{
    public required string ProcessKey { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public required string Xml { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    /// <summary>Comma-separated message names of its message start events, for correlation without parsing.</summary>
    public required string MessageStartNames { get; set; }
}
