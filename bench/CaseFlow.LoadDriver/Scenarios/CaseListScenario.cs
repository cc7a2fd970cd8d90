using CaseFlow.LoadDriver.Baseline;
using CaseFlow.LoadDriver.Database;
using CaseFlow.LoadDriver.Seeding;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>
/// The case list: the first page of 50 of <c>GET /api/cases</c> (newest first, with the total) as <c>--queue-user</c>
/// (use a handler: intake, supervisors and admins see every case without a visibility filter). The data is the queues
/// scenario's (<see cref="QueueSeed"/>, <c>--cases N --open-tasks M</c>) or <c>--seed</c> complaints through the API.
/// </summary>
internal sealed class CaseListScenario : ILoadScenario, IDirectSeeding, IDisposable
{
    private CaseFlowClient? reader;
    private string userName = "handler1";
    private long serverTotal;

    public bool SeedsDirectly(DriverOptions options) => options.Cases is not null;

    public Task SeedDirectlyAsync(DriverDatabase database, DriverOptions options) =>
        QueueSeed.SeedAsync(database, options.Cases!.Value, options.OpenTasks ?? options.Cases.Value / 10, TimeProvider.System);

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options)
    {
        userName = options.QueueUser;
        if (options.Cases is null)
        {
            using var intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");
            await Seeder.SeedComplaintsAsync(intake, options.Seed ?? 2_000);
        }

        reader = await CaseFlowClient.SignInAsync(server.BaseUrl, userName);
        serverTotal = await reader.CasePageAsync();
        Console.WriteLine($"  GET /api/cases as {userName}: {serverTotal:N0} cases visible");
    }

    public Task RunAsync(int index) => reader!.CasePageAsync();

    /// <summary>The same page and total in SQL (<see cref="CaseListBaselineSql"/>), on a pooled connection.</summary>
    public async Task<Func<int, Task>> PrepareBaselineAsync(DriverDatabase database)
    {
        var read = CaseListBaselineSql.For(database.ReadOnly(), userName);
        var total = await read();
        Console.WriteLine($"  baseline: the SQL counts {total:N0} visible cases{(total == serverTotal ? " (the same as the server)" : $", the server {serverTotal:N0}: update CaseListBaselineSql")}");
        return async _ => await read();
    }

    public void Dispose() => reader?.Dispose();
}
