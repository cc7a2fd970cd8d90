using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Security;

/// <summary>
/// Claim, release and supervisor assignment: a conditional <c>UPDATE</c> of the task's assignee (so of two racing
/// requests exactly one changes the row) and its <c>Assignment</c> audit entry, committed in one transaction. Either
/// both are stored or neither.
/// </summary>
internal static class AuditedAssignment
{
    internal sealed record Entry(string Actor, Guid? CaseId, Guid TaskId, string Details);

    /// <summary>Sets the assignee of the single task <paramref name="which"/> selects; false (and nothing stored) when no row matched.</summary>
    public static async Task<bool> ChangeAsync(
        CaseFlowDbContext db, TimeProvider clock, IQueryable<StoredTask> which, string? assignee, Entry entry, CancellationToken cancellationToken)
    {
        // On SQLite the file's write gate first, as every save outside a transaction takes it: waiting for it while
        // holding this transaction's write lock would block the saves queued ahead until SQLite's busy timeout.
        var gate = db.Database.IsSqlite() ? SqliteWriteGate.For(db.Database.GetDbConnection()) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        var since = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return await ChangeInTransactionAsync(db, clock, which, assignee, entry, cancellationToken);
        }
        finally
        {
            if (gate is not null)
            {
                SerialSections.Record(SerialSections.SqliteWriter, since);
                gate.Release();
            }
        }
    }

    private static async Task<bool> ChangeInTransactionAsync(
        CaseFlowDbContext db, TimeProvider clock, IQueryable<StoredTask> which, string? assignee, Entry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var changed = await which.ExecuteUpdateAsync(s => s.SetProperty(t => t.Assignee, assignee), cancellationToken);
        if (changed != 1)
        {
            return false; // disposing the transaction rolls it back
        }

        // ExecuteUpdate bypasses the change tracker, so the queues and case grants are rebuilt from the row in this transaction.
        await TaskQueueIndex.RebuildAsync(db, entry.TaskId, cancellationToken);
        await CaseGrantIndex.RebuildAsync(db, entry.TaskId, cancellationToken);

        AuditTrail.Add(db, clock.GetUtcNow(), entry.Actor, AuditActions.Assignment, entry.CaseId, entry.TaskId.ToString("D"), entry.Details);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
