using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Documents;

/// <summary><c>CaseFlow:Documents</c>: limits on uploaded case documents.</summary>
public sealed class DocumentOptions
{
    public const string Section = "CaseFlow:Documents";

    /// <summary>Largest file accepted, in bytes (default 20 MB); a larger upload is refused with 413.</summary>
    [Range(1, 1L << 31)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
