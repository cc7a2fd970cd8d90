using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// The rows accepting one complaint writes, counted on a real server (docs/benchmarks.md): the acceptance task completed
/// and its deadline met, its bookmark replaced by the mediation task's and a message subscription, the mediation task and
/// deadline, its queue lines in place of the acceptance task's (TaskQueueEntries: one delete, 3 inserts), the instance
/// state and the case updated, 6 timeline entries, 15 history events and the acceptance email in the outbox (35
/// statements), on acceptance tasks the server seeded and left open.
/// </summary>
internal sealed class RawCompletion(DriverDatabase database) : RawWriter(database)
{
    private static readonly string StateJson = new('x', 2_000);
    private (object Task, object Instance, object Case, object Deadline)[] open = [];

    /// <summary>Reads the open acceptance tasks the run did not use.</summary>
    public async Task<int> PrepareAsync()
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        // The running deadline of each task is read here, so a completion updates it by primary key, as the server's save
        // does (it tracks the deadline it loaded), not through an index chosen without statistics.
        command.CommandText = """
            SELECT t."Id", t."InstanceId", t."CaseId", d."Id" FROM "Tasks" t
            JOIN "Deadlines" d ON d."TaskId" = t."Id" AND d."State" = 'Running'
            WHERE t."ElementId" = 'decideAcceptance' AND t."State" = 'Open'
            """;
        var rows = new List<(object, object, object, object)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetValue(0), reader.GetValue(1), reader.GetValue(2), reader.GetValue(3)));
            }
        }

        open = [.. rows];
        return open.Length;
    }

    protected override void Write(RawStatements sql, int index)
    {
        var (task, instance, caseId, deadline) = open[index];
        var mediation = Id(Guid.CreateVersion7());
        sql.Execute("""UPDATE "Tasks" SET "State" = 'Completed', "CompletedAt" = @now, "CompletedBy" = 'intake', "Outcome" = 'accept' WHERE "Id" = @id AND "State" = 'Open'""", ("@id", task), ("@now", Now));
        sql.Execute("""UPDATE "Deadlines" SET "State" = 'Met', "CompletedAt" = @now WHERE "Id" = @id""", ("@id", deadline), ("@now", Now));
        sql.Execute("""DELETE FROM "Bookmarks" WHERE "Id" = @id""", ("@id", task));
        sql.Execute(
            """INSERT INTO "Bookmarks" ("Id", "InstanceId", "Kind", "ElementId", "CreatedAt") VALUES (@id, @instance, 'UserTask', 'mediate', @now)""",
            ("@id", mediation), ("@instance", instance), ("@now", Now));
        sql.Execute(
            """INSERT INTO "Bookmarks" ("Id", "InstanceId", "Kind", "ElementId", "MessageName", "CorrelationKey", "CreatedAt") VALUES (@id, @instance, 'Message', 'clueFound', 'violation-clue', @case, @now)""",
            ("@id", Id(Guid.CreateVersion7())), ("@instance", instance), ("@case", caseId), ("@now", Now));
        sql.Execute(
            """
            INSERT INTO "Tasks" ("Id", "InstanceId", "CaseId", "ElementId", "Name", "CandidateGroups", "Outcomes", "DueAt", "DueIn", "CreatedAt", "State")
            VALUES (@id, @instance, @case, 'mediate', '组织调解', ',office-1,', 'agreement,terminated,withdrawn', @due, '60d', @now, 'Open')
            """,
            ("@id", mediation), ("@instance", instance), ("@case", caseId), ("@due", Now + TimeSpan.TicksPerDay * 60), ("@now", Now));
        sql.Execute(
            """INSERT INTO "CaseGrants" ("Principal", "TaskId", "CaseId") VALUES ('group:office-1', @task, @case)""",
            ("@task", mediation), ("@case", caseId));
        sql.Execute("""DELETE FROM "TaskQueueEntries" WHERE "TaskId" = @task""", ("@task", task));
        foreach (var queue in new[] { "all", "unclaimed", "group:office-1" })
        {
            sql.Execute(
                """INSERT INTO "TaskQueueEntries" ("Queue", "TaskId", "DueOrder", "CreatedAt") VALUES (@queue, @task, @due, @now)""",
                ("@queue", queue), ("@task", mediation), ("@due", Now + TimeSpan.TicksPerDay * 60), ("@now", Now));
        }

        sql.Execute(
            """
            INSERT INTO "Deadlines" ("Id", "CaseId", "TaskId", "Name", "Rule", "StartedAt", "DueAt", "State", "ExtensionCount", "LegalBasis", "RuleCode", "RuleSetId", "Unit", "LadderVersion", "NextStepAt")
            VALUES (@id, @case, @task, '调解期限', '60d', @now, @due, 'Running', 0, '《市场监督管理投诉举报处理办法》', 'complaint.mediation', 'O121', 'CalendarDays', 0, @due)
            """,
            ("@id", Id(Guid.NewGuid())), ("@case", caseId), ("@task", mediation), ("@now", Now), ("@due", Now + TimeSpan.TicksPerDay * 60));
        sql.Execute(
            """UPDATE "Instances" SET "StateJson" = @state, "ConcurrencyVersion" = "ConcurrencyVersion" + 1, "UpdatedAt" = @now WHERE "Id" = @id""",
            ("@id", instance), ("@state", StateJson), ("@now", Now));
        sql.Execute("""UPDATE "Cases" SET "Status" = 'Mediating', "OfficeId" = 'office-1', "AcceptedAt" = @now WHERE "Id" = @id""", ("@id", caseId), ("@now", Now));
        for (var i = 0; i < 6; i++)
        {
            sql.Execute(
                """INSERT INTO "CaseEvents" ("CaseId", "At", "Actor", "Event", "Details") VALUES (@case, @now, 'intake', 'StatusChanged', 'Registered → Accepted')""",
                ("@case", caseId), ("@now", Now));
        }

        for (var i = 0; i < 15; i++)
        {
            sql.Execute(
                """INSERT INTO "HistoryEvents" ("InstanceId", "At", "ElementId", "Event", "Details", "Actor") VALUES (@instance, @now, 'mediate', 'ElementEntered', NULL, 'intake')""",
                ("@instance", instance), ("@now", Now));
        }

        sql.Execute(
            """
            INSERT INTO "OutboxMessages" ("Id", "IdempotencyKey", "To", "Subject", "Body", "CaseId", "CreatedAt", "State", "Attempts", "NextAttemptAt", "MessageId")
            VALUES (@id, @key, 'consumer@example.org', '您的投诉已受理', @body, @case, @now, 'Pending', 0, @now, @message)
            """,
            ("@id", Id(Guid.NewGuid())), ("@message", $"{Guid.NewGuid():N}@caseflow"), ("@key", $"raw:{DriverDatabase.ReadId(task):N}"), ("@body", new string('文', 300)), ("@case", caseId), ("@now", Now));
        RawAudit.Entries(sql, RawAudit.CompletionRows, caseId, Now);
    }
}
