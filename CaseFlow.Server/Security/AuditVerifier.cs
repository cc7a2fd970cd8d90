using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>Walks the whole chain and names the first row whose link does not hold.</summary>
public sealed class AuditVerifier(CaseFlowDbContext db)
{
    private const int Batch = 1000;

    public sealed record Result(bool Ok, long Entries, long? BrokenAtSeq, string? Problem);

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
                return new Result(true, count, null, null);
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
}
