using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// SQLite group commit (issue 23, item 2): saves that arrive while the writer is busy share one transaction and one
/// commit, each inside a savepoint of its own. What a caller relies on is unchanged: its save returns once its rows are
/// committed, a save that fails fails alone and leaves no row, and when a group's commit fails every save of it is
/// saved again on its own, exactly once, audit entries and events included.
/// </summary>
/// <remarks>
/// Each test holds the file's write gate while it starts its saves, so that they queue behind it the way concurrent
/// requests do under load (SQLite's statements complete synchronously, so saves started together would otherwise run
/// one after the other before the next has begun), then lets them go.
/// </remarks>
public sealed class SqliteGroupCommitTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private const int MaxSaves = 16; // CaseFlow:Database:GroupCommitMaxSaves's default
    private static readonly DateTimeOffset At = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] SurvivorsAndTheTakenOne = ["0", "1", "3", "4", "taken"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavesQueuedBehindTheWriter_ShareCommits_AndEveryOneIsStored()
    {
        if (TestDatabases.IsPostgres)
        {
            return; // group commit is SQLite's: PostgreSQL commits concurrent transactions together by itself
        }

        var prefix = "group-" + Guid.NewGuid().ToString("N");
        var groupCommit = app.Services.GetRequiredService<SqliteGroupCommit>();
        var before = groupCommit.Counts;

        var outcomes = await SaveQueuedAsync(20, (db, i) => db.Counters.Add(new StoredCounter { Name = $"{prefix}-{i}", Value = i }));

        Assert.All(outcomes, o => Assert.Null(o));
        var after = groupCommit.Counts;
        // 16 (the most one group holds), then 3 (a group stays open while two or more wait), then the last alone; a
        // background save of the app (a timer's) may join or add one.
        Assert.InRange(after.Saves - before.Saves, 20, 22);
        Assert.InRange(after.Groups - before.Groups, 3, 4);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var stored = await db.Counters.AsNoTracking().Where(c => c.Name.StartsWith(prefix)).OrderBy(c => c.Value).Select(c => c.Value).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), stored);
    }

    [Fact]
    public async Task ASaveThatFailsInAGroup_FailsAlone_AndTheOthersCommit()
    {
        if (TestDatabases.IsPostgres)
        {
            return;
        }

        var prefix = "group-dup-" + Guid.NewGuid().ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            db.Counters.Add(new StoredCounter { Name = $"{prefix}-taken", Value = -1 });
            await db.SaveChangesAsync(Cancel);
        }

        // The third save writes a counter and a row whose name is taken: its counter must not be stored either.
        var outcomes = await SaveQueuedAsync(5, (db, i) =>
        {
            db.Counters.Add(new StoredCounter { Name = $"{prefix}-{i}", Value = i });
            if (i == 2)
            {
                db.Counters.Add(new StoredCounter { Name = $"{prefix}-taken", Value = 2 });
            }
        });

        Assert.IsType<DbUpdateException>(outcomes[2]);
        Assert.All(outcomes.Where((_, i) => i != 2), o => Assert.Null(o));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var names = await db.Counters.AsNoTracking().Where(c => c.Name.StartsWith(prefix)).Select(c => c.Name).ToListAsync(Cancel);
            Assert.Equal(SurvivorsAndTheTakenOne, names.Select(n => n[(prefix.Length + 1)..]).Order(StringComparer.Ordinal));
            Assert.Equal(-1, (await db.Counters.SingleAsync(c => c.Name == $"{prefix}-taken", Cancel)).Value);
        }
    }

    [Fact]
    public async Task WhenAGroupsCommitFails_EachSaveIsSavedAgainAlone_WithItsEventsAndAuditEntriesOnce()
    {
        if (TestDatabases.IsPostgres)
        {
            return;
        }

        var groupCommit = app.Services.GetRequiredService<SqliteGroupCommit>();
        var caseIds = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var commits = 0;
        groupCommit.CommitFaultForTests = () => Interlocked.Increment(ref commits) == 1 ? new SqliteException("disk I/O error (a test's fault)", 10) : null;
        List<Exception?> outcomes;
        try
        {
            var before = groupCommit.Counts;
            outcomes = await SaveQueuedAsync(caseIds.Count, (db, i) =>
            {
                // Three events and a counter: the events are written by the append-only rows' own statement.
                for (var e = 0; e < 3; e++)
                {
                    db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseIds[i], At = At, Actor = "张三", Event = $"事件{e}" });
                }

                db.Counters.Add(new StoredCounter { Name = "group-fault-" + caseIds[i].ToString("N"), Value = i });
            });

            // The first three shared the commit that failed (a group stays open while two or more wait); the fourth
            // committed alone after them.
            Assert.Equal(2, groupCommit.Counts.Groups - before.Groups);
        }
        finally
        {
            groupCommit.CommitFaultForTests = null;
        }

        Assert.All(outcomes, o => Assert.Null(o));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            foreach (var caseId in caseIds)
            {
                Assert.Equal(["事件0", "事件1", "事件2"], await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Event).ToListAsync(Cancel));
                Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.CaseId == caseId, Cancel));
                Assert.Equal(1, await db.Counters.CountAsync(c => c.Name == "group-fault-" + caseId.ToString("N"), Cancel));
            }
        }

        await Requests.AssertAuditChainVerifiesAsync(await app.ClientForAsync("admin"), Cancel);
    }

    [Fact]
    public async Task ASaveAlone_CommitsAtOnce_AndItsContextReadsOnTheConfiguredPoolAfterwards()
    {
        if (TestDatabases.IsPostgres)
        {
            return;
        }

        var groupCommit = app.Services.GetRequiredService<SqliteGroupCommit>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var configured = scope.ServiceProvider.GetRequiredService<DatabaseConnection>().ConnectionString;
        var name = "group-alone-" + Guid.NewGuid().ToString("N");
        var before = groupCommit.Counts;

        db.Counters.Add(new StoredCounter { Name = name, Value = 7 });
        await db.SaveChangesAsync(Cancel);

        Assert.True(groupCommit.Counts.Groups > before.Groups);
        Assert.Equal(EntityState.Unchanged, db.ChangeTracker.Entries<StoredCounter>().Single().State);
        Assert.Equal(configured, db.Database.GetDbConnection().ConnectionString);
        Assert.Equal(7, (await db.Counters.AsNoTracking().SingleAsync(c => c.Name == name, Cancel)).Value);
    }

    /// <summary>
    /// Starts <paramref name="count"/> saves, each on its own context, while holding the file's write gate, waits until
    /// all are queued for the writer, lets them go, and returns each save's exception (null when it saved).
    /// </summary>
    private async Task<List<Exception?>> SaveQueuedAsync(int count, Action<CaseFlowDbContext, int> change)
    {
        Assert.True(count <= 2 * MaxSaves);
        var scopes = Enumerable.Range(0, count).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            var contexts = scopes.Select(s => s.ServiceProvider.GetRequiredService<CaseFlowDbContext>()).ToList();
            var gate = SqliteWriteGate.For(contexts[0].Database.GetDbConnection());
            await gate.WaitAsync(Cancel);
            var saves = new List<Task<Exception?>>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    change(contexts[i], i);
                    saves.Add(OutcomeAsync(contexts[i]));
                }

                // The first save waits for the gate holding the writer's turn; the others wait for the turn.
                await Task.Delay(200, Cancel);
            }
            finally
            {
                gate.Release();
            }

            return [.. await Task.WhenAll(saves)];
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static async Task<Exception?> OutcomeAsync(CaseFlowDbContext db)
    {
        try
        {
            await Task.Yield(); // each save starts on its own, after the test has queued them all
            await db.SaveChangesAsync(Cancel);
            return null;
        }
        catch (Exception e) when (e is DbUpdateException)
        {
            return e;
        }
    }
}
