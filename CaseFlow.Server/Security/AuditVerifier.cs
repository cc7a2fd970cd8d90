using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Security;

/// <summary>
/// Walks the whole linked chain and names the first row whose link does not hold; then counts the entries still waiting
/// to be linked, and reports those written longer ago than <see cref="AuditOptions.UnlinkedFaultSeconds"/> as a fault.
/// </summary>
public sealed class AuditVerifier(CaseFlowDbContext db, TimeProvider clock, IOptions<AuditOptions> options)
{
    private const int Batch = 1000;

    /// <param name="Ok">Whether the linked chain holds and no entry has waited too long to be linked.</param>
    /// <param name="Entries">Linked entries that verified.</param>
    /// <param name="BrokenAtSeq">The first broken link, if any.</param>
    /// <param name="Problem">What is wrong, in words.</param>
    /// <param name="Unlinked">Committed entries not yet linked (the sequencer's window), at the time of the check.</param>
    /// <param name="StaleUnlinked">Of those, written longer ago than the bound: a fault.</param>
    public sealed record Result(bool Ok, long Entries, long? BrokenAtSeq, string? Problem, long Unlinked = 0, long StaleUnlinked = 0);

    public async Task<Result> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditChain.Genesis;
        long expectedSeq = 1;
        long count = 0;
        while (true)
        {
            var from = expectedSeq;
            var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Seq >= from).OrderBy(a => a.Seq).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return await WithUnlinkedAsync(count, cancellationToken);
            }

            foreach (var row in rows)
            {
                if (row.Seq != expectedSeq)
                {
                    return new Result(false, count, expectedSeq, $"Entry {expectedSeq} is missing: the chain jumps to {row.Seq}.");
                }

                if (row.PreviousHash != previousHash)
                {
                    return new Result(false, count, row.Seq, $"Entry {row.Seq} does not point at the hash of entry {row.Seq - 1}.");
                }

                if (AuditChain.Link(previousHash, row) != row.Hash)
                {
                    return new Result(false, count, row.Seq, $"Entry {row.Seq} was changed after it was written: its content does not match its hash.");
                }

                previousHash = row.Hash;
                expectedSeq++;
                count++;
            }
        }
    }

    private async Task<Result> WithUnlinkedAsync(long linked, CancellationToken cancellationToken)
    {
        var bound = options.Value.UnlinkedFaultSeconds;
        var before = clock.GetUtcNow().AddSeconds(-bound);
        var unlinked = await db.AuditEntries.AsNoTracking().CountAsync(a => a.Seq == null, cancellationToken);
        var stale = unlinked == 0 ? 0 : await db.AuditEntries.AsNoTracking().CountAsync(a => a.Seq == null && a.WrittenAt < before, cancellationToken);
        return stale == 0
            ? new Result(true, linked, null, null, unlinked, 0)
            : new Result(false, linked, null, $"{stale} entries written more than {bound} s ago are not linked into the chain: the audit sequencer is not running or is failing on every node.", unlinked, stale);
    }
}
