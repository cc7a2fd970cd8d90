using Microsoft.Data.Sqlite;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>The intake group's unclaimed queue, first page of 50, over the seeded complaints' open acceptance tasks.</summary>
internal sealed class QueueScenario : ILoadScenario, IDisposable
{
    private CaseFlowClient? intake;

    public async Task PrepareAsync(ServerUnderTest server, DriverOptions options)
    {
        intake = await CaseFlowClient.SignInAsync(server.BaseUrl, "intake");
        await Seeder.SeedComplaintsAsync(intake, options.Seed ?? 2_000);
    }

    public Task RunAsync(int index) => intake!.CandidateTasksAsync();

    /// <summary>The same page and total as one SQL statement each, on a pooled read-only connection.</summary>
    public Task<Func<int, Task>> PrepareBaselineAsync(string databasePath)
    {
        var connectionString = $"Data Source={databasePath};Mode=ReadOnly;Pooling=True";
        return Task.FromResult<Func<int, Task>>(async _ =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var page = connection.CreateCommand();
            page.CommandText = """
                SELECT t.Id, t.Name, t.ElementId, t.CaseId, c.Number, t.InstanceId, t.Assignee, t.CandidateGroups, t.DueAt, t.CreatedAt, t.Outcomes, t.State,
                       (SELECT MAX(e.Level) FROM DeadlineEscalations e WHERE e.TaskId = t.Id)
                FROM Tasks t LEFT JOIN Cases c ON c.Id = t.CaseId
                WHERE t.State = 'Open' AND t.Assignee IS NULL AND t.CandidateGroups LIKE '%,intake,%'
                ORDER BY t.DueAt IS NULL, t.DueAt, t.CreatedAt LIMIT 50
                """;
            await using (var reader = await page.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                }
            }

            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Tasks WHERE State = 'Open' AND Assignee IS NULL AND CandidateGroups LIKE '%,intake,%'";
            await count.ExecuteScalarAsync();
        });
    }

    public void Dispose() => intake?.Dispose();
}
