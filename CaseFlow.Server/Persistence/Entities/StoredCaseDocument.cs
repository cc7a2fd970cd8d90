namespace CaseFlow.Server.Persistence.Entities;

/// <summary>
/// A file attached to a case (evidence, a letter, a sealed transfer package). The bytes live at
/// <c>&lt;data&gt;/documents/&lt;caseId&gt;/&lt;id&gt;</c>; the user's file name is only a label, never part of a path.
/// </summary>
public sealed class StoredCaseDocument
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The uploaded file's name, reduced to a safe last segment, for display and downloads.</summary>
    public required string FileName { get; set; }

    /// <summary>evidence, letter, other, or transfer-package (made by sealing a transfer only).</summary>
    public required string Kind { get; set; }

    public string? Title { get; set; }

    /// <summary>Which Order 310 Art. 6 material this is (<see cref="Workflows.Cases.TransferItems"/>), when it goes with a transfer.</summary>
    public string? TransferItem { get; set; }

    public long Size { get; set; }

    /// <summary>The type found in the content (magic bytes), not the one the client declared.</summary>
    public required string ContentType { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
