using CaseFlow.LoadDriver.Baseline;
using CaseFlow.LoadDriver.Database;
using CaseFlow.LoadDriver.Seeding;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>
/// A queue read: the first page of 50 open tasks of <c>--scope</c> (default candidate) as <c>--queue-user</c> (default
/// intake). With <c>--cases N --open-tasks M</c> the data is seeded straight into the database (<see cref="QueueSeed"/>);
/// otherwise <c>--seed</c> complaints (default 2,000) are registered through the API.
/// </summary>
internal sealed class QueueScenario : ILoadScenario, IDirectSeeding, IDisposable
{
    private CaseFlowClient? reader;
    private string scope = "candidate";
    private string userName = "intake";
    private long serverTotal;

    public bool SeedsDirectly(DriverOptions options) => options.Cases is not null;

    public Task SeedDirectlyAsync(DriverDatabase database, DriverOptions options) =>
        QueueSeed.SeedAsync(database, options.Cases!.Value, options.OpenTasks ?? options.Cases.Value / 10, TimeProvider.System);

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options)
    {
        scope = options.Scope;
        userName = options.QueueUser;
        if (options.Cases is null)
        {
            using var intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");
            await Seeder.SeedComplaintsAsync(intake, options.Seed ?? 2_000);
        }

        reader = await CaseFlowClient.SignInAsync(server.BaseUrl, userName);
        serverTotal = await reader.TaskPageAsync(scope);
        Console.WriteLine($"  GET /api/tasks?scope={scope} as {userName}: {serverTotal:N0} open tasks in the queue");
    }

    public Task RunAsync(int index) => reader!.TaskPageAsync(scope);

    /// <summary>The same page and total in SQL (<see cref="QueueBaselineSql.PageAndTotal"/>), on a pooled connection.</summary>
    public async Task<Func<int, Task>> PrepareBaselineAsync(DriverDatabase database)
    {
        var read = QueueBaselineSql.For(database.ReadOnly(), userName, scope);
        var total = await read();
        Console.WriteLine($"  baseline: the SQL counts {total:N0} open tasks in the queue{(total == serverTotal ? " (the same as the server)" : $", the server {serverTotal:N0}: update QueueBaselineSql.PageAndTotal")}");
        return async _ => await read();
    }

    public void Dispose() => reader?.Dispose();
}
