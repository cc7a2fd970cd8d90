using System.ComponentModel.DataAnnotations;

namespace CaseFlow.Server.Security;

/// <summary><c>CaseFlow:Audit</c>: the audit sequencer, which links committed entries into the hash chain.</summary>
public sealed class AuditOptions
{
    public const string Section = "CaseFlow:Audit";

    /// <summary>Most entries linked in one transaction of the sequencer.</summary>
    [Range(1, 100_000)]
    public int LinkBatchSize { get; set; } = 2_000;

    /// <summary>How often the sequencer looks for unlinked entries without being woken (entries written by other nodes).</summary>
    [Range(10, 60_000)]
    public int LinkIntervalMilliseconds { get; set; } = 250;

    /// <summary>After a wake-up, how long the sequencer waits for more commits to join the same batch.</summary>
    [Range(0, 10_000)]
    public int LinkDelayMilliseconds { get; set; } = 5;

    /// <summary>
    /// An entry written longer ago than this and still unlinked is a fault: verification reports it (the sequencer is
    /// stopped or failing on every node). Far above the normal window of milliseconds.
    /// </summary>
    [Range(1, 86_400)]
    public int UnlinkedFaultSeconds { get; set; } = 30;

    /// <summary>Tests only: the sequencer stops this long in the middle of a full batch (half its entries linked, uncommitted), so a test can kill the node there.</summary>
    [Range(0, 600_000)]
    public int TestPauseMidBatchMilliseconds { get; set; }
}
