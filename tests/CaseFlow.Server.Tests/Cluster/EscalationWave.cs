using CaseFlow.LoadDriver.Seeding;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines.Ladder;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Tests.Cluster;

/// <summary>
/// A wave of complaints written straight into a cluster's PostgreSQL database, each waiting on its acceptance task with
/// an O121 complaint.acceptance deadline that fell due a minute ago and whose warning was already given (the load
/// driver's wave shape). Seeded with the sweep not yet asked to look at them; <see cref="ReleaseAsync"/> makes every
/// one due at once, so the first sweep after it meets the whole wave. Each then has exactly one ladder step left to
/// fire: the 督办 to the supervisors (chief), with one email.
/// </summary>
internal sealed class EscalationWave
{
    private readonly string connectionString;
    private readonly List<Guid> deadlineIds;

    private EscalationWave(string connectionString, List<Guid> deadlineIds, DateTimeOffset due)
    {
        this.connectionString = connectionString;
        this.deadlineIds = deadlineIds;
        Due = due;
    }

    public int Count => deadlineIds.Count;

    public DateTimeOffset Due { get; }

    public static async Task<EscalationWave> SeedAsync(string connectionString, int count, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendar = new BusinessCalendar();
        var now = clock.GetUtcNow();
        var due = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(-1);
        var warningKey = EscalationLadder.WarningKey("2wd", calendar.ToLocalDate(due));
        var ids = new List<Guid>(count);
        await using var db = Open(connectionString);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var received = due.AddDays(-9);
            var complaint = ComplaintRows.Case(Guid.NewGuid(), $"WAVE-{i:D6}", i, received);
            var task = ComplaintRows.AcceptanceTask(complaint, due);
            var deadline = ComplaintRows.AcceptanceDeadline(task, due, nextStepAt: null);
            db.AddRange(complaint, task, deadline);
            db.Escalations.Add(new StoredEscalation
            {
                Id = Guid.NewGuid(), DeadlineId = deadline.Id, CaseId = complaint.Id, TaskId = task.Id, StepKey = warningKey,
                Kind = EscalationKind.Warning, Level = 0, Occurrence = 1, Role = "assignee", Recipients = "intake",
                DueAt = due, FiredAt = received.AddDays(5), FiredBy = "seed",
            });
            ids.Add(deadline.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EscalationWave(connectionString, ids, due);
    }

    /// <summary>Asks the sweep to look at every deadline of the wave now, in one statement.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await using var db = Open(connectionString);
        var released = await db.Deadlines.Where(d => deadlineIds.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextStepAt, Due), cancellationToken);
        Assert.Equal(Count, released);
    }

    /// <summary>Ladder steps the sweep has fired for the wave so far (the seeded warnings not counted).</summary>
    public async Task<int> FiredAsync(CancellationToken cancellationToken)
    {
        await using var db = Open(connectionString);
        return await db.Escalations.CountAsync(e => deadlineIds.Contains(e.DeadlineId) && e.FiredBy != "seed", cancellationToken);
    }

    /// <summary>For every deadline of the wave: the step keys the sweep fired for it.</summary>
    public async Task<Dictionary<Guid, List<string>>> StepsByDeadlineAsync(CancellationToken cancellationToken)
    {
        await using var db = Open(connectionString);
        var fired = await db.Escalations.AsNoTracking()
            .Where(e => deadlineIds.Contains(e.DeadlineId) && e.FiredBy != "seed")
            .Select(e => new { e.DeadlineId, e.StepKey })
            .ToListAsync(cancellationToken);
        var steps = deadlineIds.ToDictionary(id => id, _ => new List<string>());
        foreach (var step in fired)
        {
            steps[step.DeadlineId].Add(step.StepKey);
        }

        return steps;
    }

    /// <summary>The ladder emails the wave put in the outbox.</summary>
    public async Task<List<StoredOutboxMessage>> EmailsAsync(CancellationToken cancellationToken)
    {
        await using var db = Open(connectionString);
        var caseIds = await db.Deadlines.AsNoTracking().Where(d => deadlineIds.Contains(d.Id)).Select(d => (Guid?)d.CaseId).ToListAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => caseIds.Contains(m.CaseId) && m.IdempotencyKey.StartsWith("ladder:"))
            .ToListAsync(cancellationToken);
    }

    private static PostgresCaseFlowDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresCaseFlowDbContext>().UseNpgsql(connectionString).Options);
}
