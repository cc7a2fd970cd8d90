using System.Runtime.CompilerServices;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Security;

/// <summary>
/// Turns the changes of every save into audit entries (case events, commands people ran, deadline changes, task
/// assignments) and links all new entries onto the chain, inside the save's own transaction.
/// </summary>
/// <remarks>
/// Linking needs the last row's hash, so saves that carry audit entries are serialised in this process while they
/// run (a semaphore held from linking until the save ends; on SQLite the file's write gate, held by every save). Across nodes the unique chain position makes a second
/// writer's save fail rather than fork the chain; the command runner's retry then relinks it.
/// </remarks>
internal sealed class AuditChainInterceptor(TimeProvider clock, IHttpContextAccessor http) : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim chainLock = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, SemaphoreSlim> holders = [];

    // A save retried on the same context must not audit the same row twice.
    private readonly ConditionalWeakTable<object, object?> audited = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db && Collect(db) is var pending && GateFor(db, pending) is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
            holders.AddOrUpdate(db, gate);
            try
            {
                if (pending.Count > 0)
                {
                    var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                    Link(pending, last?.Seq ?? 0, last?.Hash ?? AuditChain.Genesis);
                }
            }
            catch
            {
                Release(db);
                throw;
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db && Collect(db) is var pending && GateFor(db, pending) is { } gate)
        {
            gate.Wait();
            holders.AddOrUpdate(db, gate);
            try
            {
                if (pending.Count > 0)
                {
                    var last = db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Seq).Select(a => new { a.Seq, a.Hash }).FirstOrDefault();
                    Link(pending, last?.Seq ?? 0, last?.Hash ?? AuditChain.Genesis);
                }
            }
            catch
            {
                Release(db);
                throw;
            }
        }

        return base.SavingChanges(eventData, result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData?.Context);
        return base.SavedChanges(eventData!, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return base.SavedChangesAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Release(eventData?.Context);
        base.SaveChangesFailed(eventData!);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return base.SaveChangesFailedAsync(eventData!, cancellationToken);
    }

    // EF reports a concurrency conflict here and not through SaveChangesFailed, so the chain is released here too.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData?.Context);
        return base.ThrowingConcurrencyException(eventData!, result);
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return base.ThrowingConcurrencyExceptionAsync(eventData!, result, cancellationToken);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        Release(eventData?.Context);
        base.SaveChangesCanceled(eventData!);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData?.Context);
        return base.SaveChangesCanceledAsync(eventData!, cancellationToken);
    }

    public void Dispose() => chainLock.Dispose();

    private void Release(DbContext? db)
    {
        if (db is not null && holders.TryGetValue(db, out var gate) && holders.Remove(db))
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The lock this save holds until it ends: on SQLite the file's write gate for every save, since the file has one
    /// writer anyway and the gate queues writers without sleeping threads; elsewhere the chain lock, only when linking.
    /// </summary>
    private SemaphoreSlim? GateFor(CaseFlowDbContext db, List<StoredAuditEntry> pending) =>
        db.Database.IsSqlite() ? SqliteWriteGate.For(db.Database.GetDbConnection())
        : pending.Count > 0 ? chainLock
        : null;

    /// <summary>Adds entries for this save's audited changes and returns every entry still to be linked, in insertion order.</summary>
    private List<StoredAuditEntry> Collect(CaseFlowDbContext db)
    {
        db.ChangeTracker.DetectChanges();
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
