using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// A save's new audit entries, history events and case events are written as one INSERT per table just before it commits
/// (issue 23: one statement per row was half of a task completion's statements). What users rely on is unchanged: every
/// row is there with its values, in the order it happened, audited and linked; a failed save writes none of them and a
/// later save writes them once.
/// </summary>
public sealed class AppendOnlyRowsTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 15, TimeSpan.FromHours(8));
    private static readonly string[] Elements = ["acceptTask", "gateway", "assignTask"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventsOfOneSave_AreStoredWithTheirValuesInTheOrderAdded_AndTheirAuditEntriesLinkIntoTheChain()
    {
        var caseId = Guid.NewGuid();
        var instanceId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            AddEvents(db, caseId, instanceId);
            db.Counters.Add(new StoredCounter { Name = "append-" + caseId.ToString("N"), Value = 1 });
            await db.SaveChangesAsync(Cancel);

            // Written by the interceptor's own statements, so no longer tracked (the ordinary path would leave them Unchanged).
            Assert.Empty(db.ChangeTracker.Entries<StoredCaseEvent>());
            Assert.Empty(db.ChangeTracker.Entries<StoredHistoryEvent>());
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync(Cancel);
            Assert.Equal(["登记", "分派", "受理", "补正", "告知"], events.Select(e => e.Event));
            Assert.Equal(["收到投诉（一）", null, "收到投诉（三）", "收到投诉（四）", "收到投诉（五）"], events.Select(e => e.Details));
            Assert.All(events.Select((e, i) => (e, i)), x => Assert.Equal(At.AddMinutes(x.i), x.e.At));
            Assert.All(events, e => Assert.Equal("张三", e.Actor));

            var history = await db.HistoryEvents.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(Cancel);
            Assert.Equal(["acceptTask", "gateway", "assignTask"], history.Select(h => h.ElementId));
            Assert.Equal([null, null, "超出管辖"], history.Select(h => h.Reason));

            // One audit entry per case event and per history event with an actor, in the order they were added.
            var audited = await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == caseId || a.Subject == instanceId.ToString("D")).OrderBy(a => a.Id).ToListAsync(Cancel);
            Assert.Equal(8, audited.Count);
            Assert.Equal(["登记", "分派", "受理", "补正", "告知"], audited.Where(a => a.CaseId == caseId).Select(a => a.Subject));
        }

        await AssertTheChainVerifiesAsync();
    }

    [Fact]
    public async Task AFailedSave_WritesNoneOfItsEvents_KeepsThemTracked_AndTheNextSaveWritesThemOnce()
    {
        var caseId = Guid.NewGuid();
        var instanceId = Guid.NewGuid();
        var name = "append-" + caseId.ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            db.Counters.Add(new StoredCounter { Name = name, Value = 1 });
            await db.SaveChangesAsync(Cancel);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            AddEvents(db, caseId, instanceId);
            var duplicate = db.Counters.Add(new StoredCounter { Name = name, Value = 2 }); // the key is taken: the save fails
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));

            Assert.Equal(0, await CountAsync(caseId, instanceId));
            Assert.Equal(5, db.ChangeTracker.Entries<StoredCaseEvent>().Count(e => e.State == EntityState.Added));
            Assert.Equal(3, db.ChangeTracker.Entries<StoredHistoryEvent>().Count(e => e.State == EntityState.Added));

            duplicate.State = EntityState.Detached;
            db.Counters.Add(new StoredCounter { Name = name + "-2", Value = 1 });
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal(5 + 3, await CountAsync(caseId, instanceId));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.CaseId == caseId || a.Subject == instanceId.ToString("D"), Cancel));
        }
    }

    [Fact]
    public async Task ASaveOfManyEvents_SpreadOverSeveralStatements_KeepsEveryRowInOrder()
    {
        // On SQLite a statement carries at most 200 bound values: 150 case events (6 columns) and their 150 audit entries
        // take several statements each, which must still store every row once, in the order added, and link them all.
        var caseId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            for (var i = 0; i < 150; i++)
            {
                db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = At.AddSeconds(i), Actor = "张三", Event = "催办", Details = $"第 {i} 次" });
            }

            db.Counters.Add(new StoredCounter { Name = "append-many-" + caseId.ToString("N"), Value = 1 });
            await db.SaveChangesAsync(Cancel);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync(Cancel);
            Assert.Equal(Enumerable.Range(0, 150).Select(i => $"第 {i} 次"), events.Select(e => e.Details));
            var audited = await db.AuditEntries.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Id).ToListAsync(Cancel);
            Assert.Equal(events.Select(e => e.At), audited.Select(a => a.At));
        }

        await AssertTheChainVerifiesAsync();
    }

    [Fact]
    public async Task ASaveOfEventsAlone_TakesTheOrdinaryPath()
    {
        var caseId = Guid.NewGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        AddEvents(db, caseId, Guid.NewGuid());
        await db.SaveChangesAsync(Cancel);
        Assert.All(db.ChangeTracker.Entries<StoredCaseEvent>(), e => Assert.True(e.State == EntityState.Unchanged && e.Entity.Id > 0));
        Assert.Equal(5, db.ChangeTracker.Entries<StoredCaseEvent>().Count());
    }

    private static void AddEvents(CaseFlowDbContext db, Guid caseId, Guid instanceId)
    {
        string[] names = ["登记", "分派", "受理", "补正", "告知"];
        string?[] details = ["收到投诉（一）", null, "收到投诉（三）", "收到投诉（四）", "收到投诉（五）"];
        for (var i = 0; i < names.Length; i++)
        {
            db.CaseEvents.Add(new StoredCaseEvent { CaseId = caseId, At = At.AddMinutes(i), Actor = "张三", Event = names[i], Details = details[i] });
            if (i < 3)
            {
                db.HistoryEvents.Add(new StoredHistoryEvent
                {
                    InstanceId = instanceId,
                    At = At.AddMinutes(i),
                    ElementId = Elements[i],
                    Event = "taskCompleted",
                    Actor = "handler1",
                    Reason = i == 2 ? "超出管辖" : null,
                });
            }
        }
    }

    private async Task AssertTheChainVerifiesAsync() => await Requests.AssertAuditChainVerifiesAsync(await app.ClientForAsync("admin"), Cancel);

    private async Task<int> CountAsync(Guid caseId, Guid instanceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        return await db.CaseEvents.CountAsync(e => e.CaseId == caseId, Cancel) + await db.HistoryEvents.CountAsync(h => h.InstanceId == instanceId, Cancel);
    }
}
