using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Points;

/// <summary>
/// Writes the server-known points entries (CaseClosed, DeadlineBreached) into the very save that records the event,
/// so the ledger can never disagree with the cases.
/// </summary>
/// <remarks>
/// An interceptor rather than code at each place a case closes or a task completes: those places are the engine's
/// result writer and the command runner, and every future path that closes a case is covered without being touched.
/// </remarks>
internal sealed class PointsLedgerInterceptor(IOptionsMonitor<PointsOptions> options, TimeProvider clock) : SaveChangesInterceptor
{
    private const string SystemActor = "system";

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db)
        {
            foreach (var closed in ClosedCases(db))
            {
                var user = LastCompleter(db, closed.Id) ?? await db.Tasks.AsNoTracking()
                    .Where(t => t.CaseId == closed.Id && t.State == TaskState.Completed && t.CompletedBy != null)
                    .OrderByDescending(t => t.CompletedAt).Select(t => t.CompletedBy).FirstOrDefaultAsync(cancellationToken);
                Add(db, user, PointEvents.CaseClosed, closed.Id, closed.Id, $"Case {closed.Number} closed");
            }

            AddBreaches(db);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CaseFlowDbContext db)
        {
            foreach (var closed in ClosedCases(db))
            {
                var user = LastCompleter(db, closed.Id) ?? db.Tasks.AsNoTracking()
                    .Where(t => t.CaseId == closed.Id && t.State == TaskState.Completed && t.CompletedBy != null)
                    .OrderByDescending(t => t.CompletedAt).Select(t => t.CompletedBy).FirstOrDefault();
                Add(db, user, PointEvents.CaseClosed, closed.Id, closed.Id, $"Case {closed.Number} closed");
            }

            AddBreaches(db);
        }

        return base.SavingChanges(eventData, result);
    }

    private static List<StoredCase> ClosedCases(CaseFlowDbContext db)
    {
        // No DetectChanges here: CaseFlowDbContext detected changes once before the save began.
        return db.ChangeTracker.Entries<StoredCase>()
            .Where(e => e.State == EntityState.Modified && e.Entity.Status == CaseStatus.Closed && !Equals(e.Property(c => c.Status).OriginalValue, CaseStatus.Closed))
            .Select(e => e.Entity)
            .ToList();
    }

    // The task completed in this same save is the one that closed the case; it is not in the database yet.
    private static string? LastCompleter(CaseFlowDbContext db, Guid caseId) =>
        db.Tasks.Local.Where(t => t.CaseId == caseId && t.State == TaskState.Completed && t.CompletedBy is not null)
            .OrderByDescending(t => t.CompletedAt).Select(t => t.CompletedBy).FirstOrDefault();

    // Charged only when a person completed the task late; a task the process withdrew is nobody's lateness.
    private void AddBreaches(CaseFlowDbContext db)
    {
        var ended = db.ChangeTracker.Entries<StoredDeadline>()
            .Where(e => e.State == EntityState.Modified && e.Entity.State == DeadlineState.Breached && EndedNow(e))
            .Select(e => e.Entity)
            .ToList();
        foreach (var deadline in ended)
        {
            var task = db.Tasks.Local.FirstOrDefault(t => t.Id == deadline.TaskId && t.State == TaskState.Completed);
            if (task?.CompletedBy is { } user)
            {
                Add(db, user, PointEvents.DeadlineBreached, deadline.CaseId, deadline.Id, $"{deadline.Name} ({deadline.Rule}) completed after its due instant {deadline.DueAt:O}");
            }
        }
    }

    private static bool EndedNow(EntityEntry<StoredDeadline> entry) =>
        entry.Entity.CompletedAt is not null && entry.Property(d => d.CompletedAt).OriginalValue is null;

    private void Add(CaseFlowDbContext db, string? user, string @event, Guid? caseId, Guid sourceId, string details)
    {
        // A save retried on the same context must not count the event twice.
        if (user is null || user == SystemActor || db.PointsEntries.Local.Any(p => p.Event == @event && p.SourceId == sourceId))
        {
            return;
        }

        db.PointsEntries.Add(new StoredPointsEntry
        {
            UserName = user,
            Event = @event,
            Points = options.CurrentValue.For(@event) ?? 0,
            CaseId = caseId,
            SourceId = sourceId,
            At = clock.GetUtcNow(),
            Details = details,
            RecordedBy = SystemActor,
        });
    }
}
