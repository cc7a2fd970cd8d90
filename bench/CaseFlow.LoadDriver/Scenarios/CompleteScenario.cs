using CaseFlow.LoadDriver.Baseline;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>
/// Accepting complaints: the intake user completes seeded acceptance tasks with outcome <c>accept</c> to office-1 (the
/// engine runs the acceptance email, the office assignment and opens mediation with its deadline). Twice the planned
/// operations are seeded: the first half for the API run, the rest for the baseline.
/// </summary>
internal sealed class CompleteScenario : ILoadScenario, IDisposable
{
    private CaseFlowClient? intake;
    private Guid[] tasks = [];

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options)
    {
        intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");
        await Seeder.SeedComplaintsAsync(intake, options.Seed ?? options.PlannedOperations * 2);

        // Read from the database (on SQLite WAL lets a reader in beside the server) rather than paging the queue 28,000 times.
        await using var connection = await DriverDatabase.For(options, server.DataDirectory).ReadOnly().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Tasks" WHERE "ElementId" = 'decideAcceptance' AND "State" = 'Open' ORDER BY "CreatedAt" LIMIT @n""";
        DriverDatabase.Bind(command, ("@n", options.PlannedOperations));
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(DriverDatabase.ReadId(reader.GetValue(0)));
        }

        tasks = [.. ids];
        if (tasks.Length < options.PlannedOperations)
        {
            throw new InvalidOperationException($"only {tasks.Length} open acceptance tasks for {options.PlannedOperations} operations: raise --seed");
        }
    }

    public Task RunAsync(int index) => intake!.AcceptAsync(tasks[index]);

    public async Task<Func<int, Task>> PrepareBaselineAsync(DriverDatabase database)
    {
        await database.AnalyzeAsync();
        var raw = new RawCompletion(database);
        var open = await raw.PrepareAsync();
        Console.WriteLine($"  baseline: {open:N0} open acceptance tasks left for the raw completions");
        return raw.RunAsync;
    }

    public void Dispose() => intake?.Dispose();
}
