using System.Runtime.CompilerServices;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Security;

/// <summary>
/// Turns the changes of every save into audit entries (case events, commands people ran, deadline changes, task
/// assignments), written in the save's own transaction, unlinked; after the save it wakes the <see cref="AuditSequencer"/>,
/// which links committed entries into the hash chain in batches.
/// </summary>
/// <remarks>
/// Nothing here reads or locks the chain's end: a request's save holds no database-wide lock for the audit trail (it
/// did until issue 23: a PostgreSQL advisory lock from linking to commit, one save at a time on every node). On SQLite
/// every save outside a caller's transaction queues at the file's <see cref="SqliteWriteGate"/> (async, first come
/// first served; SQLite has one writer per file anyway) so writers wait without sleeping threads in SQLite's busy
/// retries; it takes the gate just before its first write and gives it back at its commit (see the WriteGate part), or,
/// when the save opens its own connection, just before that opens and back when it closes (the WriterConnection part); a
/// caller that opens its own transaction takes the gate itself before it begins (see <see cref="AuditedAssignment"/>).
/// The time each save holds the gate is recorded (<see cref="SerialSections"/>).
/// </remarks>
internal sealed partial class AuditChainInterceptor(TimeProvider clock, IHttpContextAccessor http, AuditLinkSignal linkSignal) : SaveEndInterceptor
{
    // What each save holds until it ends: on SQLite the file's write gate (and since when), and whether it wrote audit entries.
    private readonly ConditionalWeakTable<DbContext, Hold> holders = [];

    // A save retried on the same context must not audit the same row twice.
    private readonly ConditionalWeakTable<object, object?> audited = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData);
        return base.SavingChanges(eventData, result);
    }

    /// <summary>Adds the save's audit entries and notes what it must hold: the gate is taken later, at its first write.</summary>
    private void Begin(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db && Collect(db) is var entries && GateFor(db) is var gate && (entries > 0 || gate is not null))
        {
            holders.AddOrUpdate(db, new Hold(gate, entries > 0));
        }
    }

    /// <summary>
    /// Ends a save: releases the SQLite gate (recording how long it was held) and, when the save wrote audit entries,
    /// wakes the sequencer. Inside a caller's transaction the entries commit later; the sequencer's next pass or poll
    /// finds them then.
    /// </summary>
    protected override void SaveEnded(DbContext? db, bool saved)
    {
        if (db is null || !holders.TryGetValue(db, out var hold))
        {
            return;
        }

        holders.Remove(db);
        hold.ReleaseNow();

        if (saved && hold.Audited)
        {
            linkSignal.EntriesWritten();
        }
    }

    /// <summary>
    /// The SQLite file's write gate for a save that runs outside a caller's transaction; null on PostgreSQL, and null
    /// inside a caller's transaction (the caller took the gate before its transaction began, as it must to avoid
    /// holding SQLite's write lock while queueing here).
    /// </summary>
    private static SemaphoreSlim? GateFor(CaseFlowDbContext db) =>
        db.Database.IsSqlite() && db.Database.CurrentTransaction is null ? SqliteWriteGate.For(db.Database.GetDbConnection()) : null;


    /// <summary>Adds entries for this save's audited changes; returns how many audit entries the save writes.</summary>
    private int Collect(CaseFlowDbContext db)
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

        var written = 0;
        foreach (var entry in db.ChangeTracker.Entries<StoredAuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (entry.WrittenAt == default)
            {
                entry.WrittenAt = now;
            }

            written++;
        }

        return written;
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
}
