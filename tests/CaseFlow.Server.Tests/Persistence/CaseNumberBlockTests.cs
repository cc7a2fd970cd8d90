using CaseFlow.Server.Cases;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// Case numbers come from per-node blocks (issue 23): the next block is reserved in the background while the one in use
/// runs down, so no intake holds the counter row, and one node hands out its numbers without gaps while it runs.
/// </summary>
public sealed class CaseNumberBlockTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNextBlockIsReservedBeforeTheBlockInUseRunsOut_AndNumbersRunOnWithoutGaps()
    {
        // A year no other test registers in, so this counter is this test's alone.
        var receivedAt = new DateTimeOffset(2091, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var numbers = new List<string>();
        for (var i = 0; i < CaseNumberCounter.BlockSize * 3 / 2 + 1; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            numbers.Add(await CaseRecords.NextNumberAsync(scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>(), "complaint", receivedAt, Cancel));
        }

        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => $"TS2091-{n:D6}"), numbers);

        // 151 numbers handed out, the second block in use: the third is already reserved, without any intake asking for it.
        var reserved = await Requests.EventuallyAsync(async () => await CounterAsync("TS2091") == 3 * CaseNumberCounter.BlockSize, TimeSpan.FromSeconds(10));
        Assert.True(reserved, $"counter at {await CounterAsync("TS2091")}");
    }

    [Fact]
    public async Task ConcurrentIntakesAcrossBlockBoundaries_GetDistinctNumbers()
    {
        var receivedAt = new DateTimeOffset(2092, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var numbers = await Task.WhenAll(Enumerable.Range(0, 350).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await CaseRecords.NextNumberAsync(scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>(), "report", receivedAt, Cancel);
        }));

        Assert.Equal(350, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.StartsWith("JB2092-", n, StringComparison.Ordinal));
    }

    private async Task<long> CounterAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        return await db.Counters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).SingleAsync(Cancel);
    }
}
