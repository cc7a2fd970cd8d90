namespace CaseFlow.Server.Persistence.Entities;

/// <summary>The working draft of a process; stored even when invalid so nothing a legal officer typed is lost.</summary>
public sealed class StoredProcessDraft
{
    public required string ProcessKey { get; set; }

    public required string Xml { get; set; }

    public bool IsValid { get; set; }

    /// <summary>The validation errors as JSON, as returned to the Designer.</summary>
    public required string ErrorsJson { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public required string SavedBy { get; set; }
}
