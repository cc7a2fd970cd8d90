using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// On PostgreSQL a deadlock victim's save fails as a <see cref="DbUpdateException"/>, the exception every race handler in
/// the server catches (re-run the command, or leave the work to the winner), and not as Npgsql's "likely due to a
/// transient failure" wrapper, which four escalation sweeps racing on one wave met in CI and did not handle.
/// </summary>
[Trait("Infrastructure", "PostgresCluster")] // build/test.sh runs these in the PostgreSQL pass only; on SQLite they skip
public sealed class DeadlockVictimTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADeadlockVictimsSave_FailsAsADbUpdateException()
    {
        Assert.SkipUnless(TestDatabases.IsPostgres, "Deadlock detection is PostgreSQL's (CASEFLOW_TEST_DATABASE=postgres).");
        await using (var seed = app.Services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            db.Counters.AddRange(new StoredCounter { Name = "deadlock-test-a" }, new StoredCounter { Name = "deadlock-test-b" });
            await db.SaveChangesAsync(Cancel);
        }

        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var two = second.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await using var oneTransaction = await one.Database.BeginTransactionAsync(Cancel);
        await using var twoTransaction = await two.Database.BeginTransactionAsync(Cancel);
        await BumpAsync(one, "deadlock-test-a"); // one holds a
        await BumpAsync(two, "deadlock-test-b"); // two holds b

        // Each now wants the other's row: PostgreSQL picks a victim (after deadlock_timeout) and lets the other go on.
        var crossed = await Task.WhenAll(CaughtAsync(one, "deadlock-test-b"), CaughtAsync(two, "deadlock-test-a"));

        var victim = Assert.Single(crossed, e => e is not null);
        var failure = Assert.IsType<DbUpdateException>(victim);
        Assert.Equal(PostgresErrorCodes.DeadlockDetected, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
    }

    private static async Task BumpAsync(CaseFlowDbContext db, string name)
    {
        var counter = await db.Counters.SingleAsync(c => c.Name == name, Cancel);
        counter.Value++;
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>Bumps the row; on failure rolls back (PostgreSQL keeps a failed transaction's locks until then) and returns the exception.</summary>
    private static async Task<Exception?> CaughtAsync(CaseFlowDbContext db, string name)
    {
        try
        {
            await BumpAsync(db, name);
            return null;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            await db.Database.RollbackTransactionAsync(Cancel);
            return ex;
        }
    }
}
