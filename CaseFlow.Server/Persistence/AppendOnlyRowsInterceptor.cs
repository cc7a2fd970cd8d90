using System.Data.Common;
using System.Runtime.CompilerServices;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// Writes a save's new rows of the append-only tables (audit entries, history events, case events) as one multi-row
/// INSERT per table, just before the save's transaction commits, instead of one statement per row.
/// </summary>
/// <remarks>
/// <para>
/// Why: EF Core's SQLite provider executes every row as a command of its own, each prepared and stepped while the save
/// holds the file's single writer. A task completion wrote 82 statements, 42 of them rows of these three tables (21
/// audit entries, 15 history events, 6 case events), and the writer was busy 70-90 % of the time at saturation (issue 23).
/// On PostgreSQL the rows already travel in one round trip, but each is still a statement the server parses and plans.
/// </para>
/// <para>
/// Nothing about the save's atomicity changes: the rows are written in the save's own transaction, after EF Core's
/// commands (so every row they name exists) and before its commit; a failure there fails the save and rolls it all back.
/// The rows are taken out of the change tracker only for saves that run EF Core's own transaction or a SQLite group's
/// (a caller's transaction keeps the ordinary path, as does a save with nothing else to write), and that transaction is made
/// unconditional for the save, so there is always a commit to write them at. When a save fails, the rows are tracked as
/// added again, exactly as before it began, so a caller that saves again writes them then. Their generated ids are not
/// read back: nothing reads a just-written event's id from the entity, and readers query the tables.
/// </para>
/// <para>
/// Registered after the audit interceptor, whose entries it must see. Rows keep the order they were added in (EF Core's
/// temporary keys increase with every add), so the audit sequencer links a save's entries, and the history lists its
/// events, in the order they happened.
/// </para>
/// </remarks>
internal sealed partial class AppendOnlyRowsInterceptor : SaveEndInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] AppendOnly = [typeof(StoredAuditEntry), typeof(StoredHistoryEvent), typeof(StoredCaseEvent)];

    private readonly ConditionalWeakTable<DbContext, PendingRows> pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        TakeRows(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        TakeRows(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } db && pending.TryGetValue(db, out var rows))
        {
            await rows.WriteAsync(transaction, cancellationToken);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData?.Context is { } db && pending.TryGetValue(db, out var rows))
        {
            rows.WriteAsync(transaction, CancellationToken.None, synchronous: true).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    /// <summary>
    /// A save in a SQLite group (<see cref="SqliteGroupCommit"/>) has no commit of its own: its rows are written once EF
    /// Core's commands are, inside the save's savepoint, and go back into the change tracker if the group fails.
    /// </summary>
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } db && SqliteGroupCommit.MemberOf(db) is { } member && pending.TryGetValue(db, out var rows))
        {
            try
            {
                await rows.WriteAsync(member.Transaction, cancellationToken);
            }
            catch
            {
                pending.Remove(db);
                rows.End(saved: false);
                throw;
            }

            member.OnGroupFailed(() => rows.End(saved: false));
        }

        return await base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    /// <summary>Takes the save's added append-only rows out of the change tracker, when the save qualifies (see remarks).</summary>
    private void TakeRows(DbContext? db)
    {
        if (db is null || (db.Database.CurrentTransaction is not null && SqliteGroupCommit.MemberOf(db) is null))
        {
            return;
        }

        var added = new List<EntityEntry>();
        var others = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && AppendOnly.Contains(entry.Metadata.ClrType))
            {
                added.Add(entry);
            }
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                others = true;
            }
        }

        // One row gains nothing from a statement of its own; a save of these rows alone would open no transaction to write them in.
        if (added.Count < 2 || !others)
        {
            return;
        }

        if (PendingRows.Take(db, added) is { } rows)
        {
            pending.AddOrUpdate(db, rows);
        }
    }

    protected override void SaveEnded(DbContext? db, bool saved)
    {
        if (db is null || !pending.TryGetValue(db, out var rows))
        {
            return;
        }

        pending.Remove(db);
        rows.End(saved);
    }
}
