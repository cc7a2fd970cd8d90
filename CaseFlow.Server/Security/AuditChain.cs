using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Security;

/// <summary>The chain's arithmetic: canonical content of a row and the link hash over it.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Every stored field except the hashes, one per line, in a fixed order and invariant format.</summary>
    public static string Canonical(StoredAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join('\n',
            (entry.Seq ?? throw new InvalidOperationException("An audit entry is hashed once it has its chain position.")).ToString(CultureInfo.InvariantCulture),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.CaseId?.ToString("D") ?? "",
            entry.Subject ?? "",
            entry.Details ?? "");
    }

    /// <summary>SHA-256 (lower-case hex) of the previous hash followed by the row's canonical content.</summary>
    public static string Link(string previousHash, StoredAuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    /// <summary>
    /// Whether a save failed on a taken chain position (the unique IX_AuditEntries_Seq). Requests no longer link their
    /// entries (the sequencer does), so this should not happen; kept as a guard for a database written by an older node.
    /// </summary>
    public static bool IsPositionTaken(Microsoft.EntityFrameworkCore.DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // SQLite: "UNIQUE constraint failed: AuditEntries.Seq"; PostgreSQL: 'violates unique constraint "IX_AuditEntries_Seq"'.
        var message = exception.InnerException?.Message ?? "";
        return message.Contains("AuditEntries.Seq", StringComparison.Ordinal) || message.Contains("IX_AuditEntries_Seq", StringComparison.Ordinal);
    }
}
