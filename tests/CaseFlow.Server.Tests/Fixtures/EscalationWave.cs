using CaseFlow.LoadDriver.Seeding;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Security;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines.Ladder;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>
/// A wave of complaints written straight into a running server's database (SQLite or PostgreSQL), each waiting on its acceptance task with
/// an O121 complaint.acceptance deadline that fell due a minute ago and whose warning was already given (the load
/// driver's wave shape). Seeded with the sweep not yet asked to look at them; <see cref="ReleaseAsync"/> makes every
/// one need the sweep at one instant, so the first sweep from then on meets the whole wave. Each then has exactly one ladder step left to
/// fire: the 督办 to the supervisors (chief), with one email.
/// </summary>
internal sealed class EscalationWave
{
    private readonly Func<CaseFlowDbContext> open;
    private readonly List<Guid> deadlineIds;

    private EscalationWave(Func<CaseFlowDbContext> open, List<Guid> deadlineIds, DateTimeOffset due)
    {
        this.open = open;
        this.deadlineIds = deadlineIds;
        Due = due;
    }

    public int Count => deadlineIds.Count;

    public DateTimeOffset Due { get; }

    /// <summary>Seeds the wave into the database of the server on <paramref name="dataDirectory"/> (see <see cref="TestDatabases"/>).</summary>
    public static Task<EscalationWave> SeedAsync(string dataDirectory, int count, TimeProvider clock, CancellationToken cancellationToken) =>
        SeedAsync(ContextFor(dataDirectory), count, clock, cancellationToken);

    /// <summary>Seeds the wave into the PostgreSQL database <paramref name="connectionString"/> names (a cluster's, whose nodes share <paramref name="dataKey"/>).</summary>
    public static Task<EscalationWave> SeedIntoPostgresAsync(string connectionString, string dataKey, int count, TimeProvider clock, CancellationToken cancellationToken) =>
        SeedAsync(() => Postgres(connectionString, new PersonalDataProtector(Convert.FromBase64String(dataKey))), count, clock, cancellationToken);

    private static async Task<EscalationWave> SeedAsync(Func<CaseFlowDbContext> open, int count, TimeProvider clock, CancellationToken cancellationToken)
    {
        var calendar = new BusinessCalendar();
        var now = clock.GetUtcNow();
        var due = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(-1);
        var warningKey = EscalationLadder.WarningKey("2wd", calendar.ToLocalDate(due));
        var ids = new List<Guid>(count);
        await using var db = open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var received = due.AddDays(-9);
            var complaint = ComplaintRows.Case(Guid.NewGuid(), $"WAVE-{i:D6}", i, received);
            var task = ComplaintRows.AcceptanceTask(complaint, due);
            var deadline = ComplaintRows.AcceptanceDeadline(task, due, nextStepAt: null);
            db.AddRange(complaint, task, deadline);
            db.Escalations.Add(ComplaintRows.GivenWarning(deadline, warningKey, received.AddDays(5)));
            ids.Add(deadline.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EscalationWave(open, ids, due);
    }

    /// <summary>Asks the sweep to look at every deadline of the wave at <paramref name="at"/> (by default its due instant, already past), in one statement.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        await using var db = open();
        var released = await db.Deadlines.Where(d => deadlineIds.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextStepAt, at ?? Due), cancellationToken);
        Assert.Equal(Count, released);
    }

    /// <summary>Ladder steps the sweep has fired for the wave so far (the seeded warnings not counted).</summary>
    public async Task<int> FiredAsync(CancellationToken cancellationToken)
    {
        await using var db = open();
        return await db.Escalations.CountAsync(e => deadlineIds.Contains(e.DeadlineId) && e.FiredBy != "seed", cancellationToken);
    }

    /// <summary>For every deadline of the wave: the step keys the sweep fired for it.</summary>
    public async Task<Dictionary<Guid, List<string>>> StepsByDeadlineAsync(CancellationToken cancellationToken)
    {
        await using var db = open();
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
        await using var db = open();
        var caseIds = await db.Deadlines.AsNoTracking().Where(d => deadlineIds.Contains(d.Id)).Select(d => (Guid?)d.CaseId).ToListAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => caseIds.Contains(m.CaseId) && m.IdempotencyKey.StartsWith("ladder:"))
            .ToListAsync(cancellationToken);
    }

    /// <summary>When the sweep fired the wave's steps, earliest first.</summary>
    public async Task<List<DateTimeOffset>> FiringTimesAsync(CancellationToken cancellationToken)
    {
        await using var db = open();
        var times = await db.Escalations.AsNoTracking().Where(e => deadlineIds.Contains(e.DeadlineId) && e.FiredBy != "seed").Select(e => e.FiredAt).ToListAsync(cancellationToken);
        return [.. times.Order()];
    }

    /// <summary>A context on the server's own database; SQLite waits out the server's writes instead of failing busy.</summary>
    private static Func<CaseFlowDbContext> ContextFor(string dataDirectory) => TestDatabases.IsPostgres
        ? () => Postgres(TestDatabases.PostgresConnectionStringFor(dataDirectory))
        : () => new CaseFlowDbContext(new DbContextOptionsBuilder<CaseFlowDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "caseflow.db")};Default Timeout=30").Options);

    private static PostgresCaseFlowDbContext Postgres(string connectionString, PersonalDataProtector? protector = null)
    {
        var options = new DbContextOptionsBuilder<PostgresCaseFlowDbContext>().UseNpgsql(connectionString).Options;
        return protector is null ? new(options) : new(options, protector);
    }
}
