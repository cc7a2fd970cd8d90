using System.Runtime.CompilerServices;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Server.Security;

/// <summary>
/// Turns the changes of every save into audit entries (case events, commands people ran, deadline changes, task
/// assignments) and links all new entries onto the chain, inside the save's own transaction.
/// </summary>
/// <remarks>
/// Linking needs the last row's hash, so the last row is read and the new rows written inside one transaction that
/// holds the database's chain lock: on PostgreSQL a transaction-scoped advisory lock (every node, every context), on
/// SQLite the write lock that <c>BEGIN IMMEDIATE</c> takes. When the save runs without a transaction of the caller's,
/// the interceptor opens one and commits it when the save succeeds. The unique chain position stays as a last guard.
/// On SQLite every save outside a caller's transaction first queues at the file's <see cref="SqliteWriteGate"/>
/// (async, first come first served) so writers wait without sleeping threads in SQLite's busy retries; a caller that
/// opens its own transaction takes the gate itself before it begins (see <see cref="AuditedAssignment"/>).
/// </remarks>
internal sealed class AuditChainInterceptor(TimeProvider clock, IHttpContextAccessor http) : SaveChangesInterceptor
{
    /// <summary>The advisory-lock key of the audit chain on PostgreSQL (any fixed number; "CFAUDIT" in ASCII).</summary>
    internal const long PostgresChainLockKey = 0x43464155444954;

    // What each save holds until it ends: the transaction it opened itself (none when it joined the caller's), committed
    // or rolled back then, and on SQLite the file's write gate.
    private readonly ConditionalWeakTable<DbContext, Hold> holders = [];

    // A save retried on the same context must not audit the same row twice.
    private readonly ConditionalWeakTable<object, object?> audited = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db && Collect(db) is var pending && GateFor(db) is var gate && (pending.Count > 0 || gate is not null))
        {
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
            }

            var hold = new Hold(gate);
            holders.AddOrUpdate(db, hold);
            try
            {
                if (pending.Count == 0)
                {
                    return await base.SavingChangesAsync(eventData, result, cancellationToken);
                }

                hold.Owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                await LockChainAsync(db, cancellationToken);

                var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                Link(pending, last?.Seq ?? 0, last?.Hash ?? AuditChain.Genesis);
            }
            catch
            {
                RollBack(db);
                throw;
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db && Collect(db) is var pending && GateFor(db) is var gate && (pending.Count > 0 || gate is not null))
        {
            gate?.Wait();
            var hold = new Hold(gate);
            holders.AddOrUpdate(db, hold);
            try
            {
                if (pending.Count == 0)
                {
                    return base.SavingChanges(eventData, result);
                }

                hold.Owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
                if (db.Database.IsNpgsql())
                {
                    db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({PostgresChainLockKey})");
                }

                var last = db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefault();
                Link(pending, last?.Seq ?? 0, last?.Hash ?? AuditChain.Genesis);
            }
            catch
            {
                RollBack(db);
                throw;
            }
        }

        return base.SavingChanges(eventData, result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData?.Context is { } db && holders.TryGetValue(db, out var hold))
        {
            holders.Remove(db);
            try
            {
                using var owned = hold.Owned;
                owned?.Commit();
            }
            finally
            {
                hold.Gate?.Release();
            }
        }

        return base.SavedChanges(eventData!, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } db && holders.TryGetValue(db, out var hold))
        {
            holders.Remove(db);
            try
            {
                if (hold.Owned is { } owned)
                {
                    await using (owned)
                    {
                        await owned.CommitAsync(cancellationToken);
                    }
                }
            }
            finally
            {
                hold.Gate?.Release();
            }
        }

        return await base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        RollBack(eventData?.Context);
        base.SaveChangesFailed(eventData!);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData?.Context);
        return base.SaveChangesFailedAsync(eventData!, cancellationToken);
    }

    // EF reports a concurrency conflict here and not through SaveChangesFailed, so the chain's transaction ends here too.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        RollBack(eventData?.Context);
        return base.ThrowingConcurrencyException(eventData!, result);
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RollBack(eventData?.Context);
        return base.ThrowingConcurrencyExceptionAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        RollBack(eventData?.Context);
        base.SaveChangesCanceled(eventData!);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData?.Context);
        return base.SaveChangesCanceledAsync(eventData!, cancellationToken);
    }

    /// <summary>
    /// Takes the chain lock in the current transaction: on PostgreSQL the advisory lock, held until the transaction ends;
    /// on SQLite the transaction's write lock already is it. A caller that changes rows with its own SQL before saving an
    /// audit entry takes it first, so it never holds row locks while waiting for the chain (no lock-order deadlock).
    /// </summary>
    internal static async Task LockChainAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresChainLockKey})", cancellationToken);
        }
    }

    /// <summary>Ends (rolls back) the transaction this interceptor opened for a failed save; a caller's transaction is the caller's to end.</summary>
    private void RollBack(DbContext? db)
    {
        if (db is not null && holders.TryGetValue(db, out var hold))
        {
            holders.Remove(db);
            try
            {
                hold.Owned?.Dispose();
            }
            finally
            {
                hold.Gate?.Release();
            }
        }
    }

    /// <summary>
    /// The SQLite file's write gate for a save that runs outside a caller's transaction; null on PostgreSQL, and null
    /// inside a caller's transaction (the caller took the gate before its transaction began, as it must to avoid
    /// holding SQLite's write lock while queueing here).
    /// </summary>
    private static SemaphoreSlim? GateFor(CaseFlowDbContext db) =>
        db.Database.IsSqlite() && db.Database.CurrentTransaction is null ? SqliteWriteGate.For(db.Database.GetDbConnection()) : null;

    private sealed class Hold(SemaphoreSlim? gate)
    {
        public SemaphoreSlim? Gate { get; } = gate;

        public IDbContextTransaction? Owned { get; set; }
    }

    /// <summary>Adds entries for this save's audited changes and returns every entry still to be linked, in insertion order.</summary>
    private List<StoredAuditEntry> Collect(CaseFlowDbContext db)
    {
        // No DetectChanges here: CaseFlowDbContext detected changes once before the save began.
        var now = clock.GetUtcNow();
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        foreach (var e in db.ChangeTracker.Entries<StoredCaseEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(Fresh).ToList())
        {
            AuditTrail.Add(db, e.At, e.Actor, AuditActions.CaseEvent, e.CaseId, e.Event, e.Details);
        }

        foreach (var h in db.ChangeTracker.Entries<StoredHistoryEvent>().Where(e => e.State == EntityState.Added && e.Entity.Actor is not null).Select(e => e.Entity).Where(Fresh).ToList())
        {
            AuditTrail.Add(db, h.At, h.Actor!, AuditActions.Command, null, h.InstanceId.ToString("D"), $"{h.Event} {h.ElementId}{(h.Reason is null ? "" : "：" + h.Reason)}");
        }

        foreach (var d in db.ChangeTracker.Entries<StoredDeadlineChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).Where(Fresh).ToList())
        {
            AuditTrail.Add(db, d.At, d.Actor, AuditActions.DeadlineChange, d.CaseId, d.DeadlineId.ToString("D"), $"{d.Kind} {d.DueBefore:O} → {d.DueAfter:O}：{d.Reason}");
        }

        foreach (var t in db.ChangeTracker.Entries<StoredTask>().Where(e => e.State == EntityState.Modified && e.Property(t => t.Assignee).IsModified
                     && !Equals(e.Property(t => t.Assignee).OriginalValue, e.Entity.Assignee)).ToList())
        {
            if (audited.TryGetValue(t.Entity, out var seen) && Equals(seen, t.Entity.Assignee))
            {
                continue;
            }

            audited.AddOrUpdate(t.Entity, t.Entity.Assignee);
            AuditTrail.Add(db, now, user, AuditActions.Assignment, t.Entity.CaseId, t.Entity.Id.ToString("D"), $"{t.Property(x => x.Assignee).OriginalValue ?? "-"} → {t.Entity.Assignee ?? "-"}");
        }

        // All unsaved entries are (re)linked: after a failed save the chain's end may have moved.
        return db.ChangeTracker.Entries<StoredAuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(AuditTrail.OrderOf).ToList();
    }

    private bool Fresh(object source)
    {
        if (audited.TryGetValue(source, out _))
        {
            return false;
        }

        audited.Add(source, null);
        return true;
    }

    private static void Link(List<StoredAuditEntry> pending, long lastSeq, string lastHash)
    {
        foreach (var entry in pending)
        {
            entry.Seq = ++lastSeq;
            entry.PreviousHash = lastHash;
            entry.Hash = AuditChain.Link(lastHash, entry);
            lastHash = entry.Hash;
        }
    }
}
