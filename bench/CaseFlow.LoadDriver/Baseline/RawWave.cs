using System.Diagnostics;
using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// The wave's floor: raw ADO.NET writing the rows the sweep writes per deadline (the 督办 escalation row, a timeline
/// entry, one email in the outbox, the deadline's next instant and version) in batches of 500 per transaction, with
/// nothing planned, on a copy of the database taken before the server ran (EscalationSweepBenchmarks.RawSql's model).
/// </summary>
internal static class RawWave
{
    private const int BatchSize = 500;

    private const string EscalationSql = """
        INSERT INTO "DeadlineEscalations" ("Id", "DeadlineId", "CaseId", "TaskId", "StepKey", "Kind", "Level", "Occurrence", "Role", "Recipients", "DueAt", "FiredAt", "FiredBy")
        VALUES (@id, @d, @c, @t, 'step:0#1', 'SupervisionItem', 1, 1, 'supervisors', 'chief', @due, @now, 'raw')
        """;

    private const string TimelineSql = """
        INSERT INTO "CaseEvents" ("CaseId", "At", "Actor", "Event", "Details")
        VALUES (@c, @now, 'system', 'SupervisionItemOpened', '受理期限已届满，已生成督办事项，通知：科长 赵刚')
        """;

    private const string EmailSql = """
        INSERT INTO "OutboxMessages" ("Id", "IdempotencyKey", "To", "Subject", "Body", "CaseId", "CreatedAt", "State", "Attempts", "NextAttemptAt", "MessageId")
        VALUES (@id, @key, 'chief@caseflow.example', '【督办】受理期限已届满', @body, @c, @now, 'Pending', 0, @now, @message)
        """;

    private const string DeadlineSql = """
        UPDATE "Deadlines" SET "NextStepAt" = @next, "LadderVersion" = "LadderVersion" + 1 WHERE "Id" = @d AND "LadderVersion" = @v
        """;

    private static readonly string Body = new('文', 300);

    /// <summary>Fires every running deadline due by now; returns how many and how long it took.</summary>
    public static async Task<(int Deadlines, TimeSpan Elapsed)> RunAsync(DriverDatabase database, TimeProvider clock)
    {
        var stopwatch = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcTicks;
        await using var connection = await database.OpenAsync();
        var due = new List<(object Id, object Case, object? Task, long DueAt, int Version)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """SELECT "Id", "CaseId", "TaskId", "DueAt", "LadderVersion" FROM "Deadlines" WHERE "State" = 'Running' AND "NextStepAt" <= @now""";
            DriverDatabase.Bind(select, ("@now", now));
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                due.Add((reader.GetValue(0), reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetValue(2), reader.GetInt64(3), reader.GetInt32(4)));
            }
        }

        foreach (var batch in due.Chunk(BatchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var (id, caseId, taskId, dueAt, version) in batch)
            {
                await ExecuteAsync(EscalationSql, ("@id", database.Id(Guid.NewGuid())), ("@d", id), ("@c", caseId), ("@t", taskId), ("@due", dueAt), ("@now", now));
                await ExecuteAsync(TimelineSql, ("@c", caseId), ("@now", now));
                await ExecuteAsync(
                    EmailSql,
                    ("@id", database.Id(Guid.NewGuid())), ("@key", $"raw:{DriverDatabase.ReadId(id):N}:step:0#1:chief"), ("@body", Body),
                    ("@c", caseId), ("@now", now), ("@message", $"{Guid.NewGuid():N}@caseflow"));
                await ExecuteAsync(DeadlineSql, ("@next", dueAt + TimeSpan.TicksPerDay), ("@d", id), ("@v", version));
            }

            await transaction.CommitAsync();

            async Task ExecuteAsync(string text, params (string Name, object? Value)[] parameters)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = text;
                DriverDatabase.Bind(command, parameters);
                await command.ExecuteNonQueryAsync();
            }
        }

        return (due.Count, stopwatch.Elapsed);
    }
}
