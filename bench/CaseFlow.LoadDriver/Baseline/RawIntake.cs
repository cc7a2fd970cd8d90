using CaseFlow.LoadDriver.Database;

namespace CaseFlow.LoadDriver.Baseline;

/// <summary>
/// The rows one complaint intake writes, counted on a real server (docs/benchmarks.md): a case number from a block (one counter statement per block), the
/// case, the idempotency record, the instance with its state, the acceptance task with its 3 queue lines (all,
/// unclaimed, group:intake) and its case grant (group:intake, issue 23), its bookmark and deadline, 4 timeline entries and 9 history events (23 statements), with
/// nothing evaluated.
/// </summary>
internal sealed class RawIntake(DriverDatabase database) : RawWriter(database)
{
    private static readonly string StateJson = new('x', 1_500); // about the size of the instance state after intake

    private readonly RawNumberBlocks numbers = new(database);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> taken = new();

    // The case number comes from this writer's block, taken before the transaction as the server takes it (a block of
    // numbers per node, allocated by one short statement of its own): no counter row is locked by the intake.
    protected override async Task BeforeAsync(int index) => taken[index] = await numbers.NextAsync(AsWriterAsync);

    protected override void Write(RawStatements sql, int index)
    {
        taken.TryRemove(index, out var number);
        var caseId = Id(Guid.NewGuid());
        var instanceId = Id(Guid.NewGuid());
        var taskId = Id(Guid.CreateVersion7());
        sql.Execute(
            """
            INSERT INTO "Cases" ("Id", "Number", "Kind", "Channel", "ReceivedAt", "Status", "ComplainantName", "ComplainantPhone", "ComplainantEmail", "ComplainantAddress",
                                 "RespondentName", "RespondentAddress", "Category", "Subject", "Description", "AmountInvolved", "ProcessInstanceId", "CreatedAt", "CreatedBy",
                                 "ConductSeriousHarm")
            VALUES (@id, @number, 'complaint', 'hotline', @now, 'Registered', '刘洋', @phone, 'consumer@example.org', '城关区人民路 12 号',
                    '城关家电商行', '城关区解放路 88 号', '家用电器', '电热水壶漏电', @description, @amount, @instance, @now, 'intake', FALSE)
            """,
            ("@id", caseId), ("@number", $"RAW2026-{number:D6}"), ("@now", Now), ("@phone", $"138{index % 100_000_000:D8}"),
            ("@description", $"购买的电热水壶使用两次后漏电，商家拒绝退货（第 {index} 件）。"), ("@amount", 199.0m), ("@instance", instanceId));
        sql.Execute(
            """INSERT INTO "IdempotencyRecords" ("Key", "RequestHash", "CaseId", "CreatedAt") VALUES (@key, @hash, @case, @now)""",
            ("@key", $"intake:raw-{Guid.NewGuid():N}"), ("@hash", new string('0', 64)), ("@case", caseId), ("@now", Now));
        sql.Execute(
            """
            INSERT INTO "Instances" ("Id", "ProcessKey", "ProcessVersion", "BusinessKey", "CaseId", "Status", "StateJson", "ConcurrencyVersion", "CreatedAt", "UpdatedAt")
            VALUES (@id, 'complaint', 1, @number, @case, 'Running', @state, 1, @now, @now)
            """,
            ("@id", instanceId), ("@number", $"RAW2026-{number:D6}"), ("@case", caseId), ("@state", StateJson), ("@now", Now));
        sql.Execute(
            """
            INSERT INTO "Tasks" ("Id", "InstanceId", "CaseId", "ElementId", "Name", "CandidateGroups", "Outcomes", "DueAt", "RequiredVariables", "DueIn", "CreatedAt", "State")
            VALUES (@id, @instance, @case, 'decideAcceptance', '受理审查', ',intake,', 'accept,refuse', @due, 'accept:officeId', '7wd', @now, 'Open')
            """,
            ("@id", taskId), ("@instance", instanceId), ("@case", caseId), ("@due", Now + TimeSpan.TicksPerDay * 9), ("@now", Now));
        sql.Execute(
            """INSERT INTO "CaseGrants" ("Principal", "TaskId", "CaseId") VALUES ('group:intake', @task, @case)""",
            ("@task", taskId), ("@case", caseId));
        foreach (var queue in new[] { "all", "unclaimed", "group:intake" })
        {
            sql.Execute(
                """INSERT INTO "TaskQueueEntries" ("Queue", "TaskId", "DueOrder", "CreatedAt") VALUES (@queue, @task, @due, @now)""",
                ("@queue", queue), ("@task", taskId), ("@due", Now + TimeSpan.TicksPerDay * 9), ("@now", Now));
        }

        sql.Execute(
            """INSERT INTO "Bookmarks" ("Id", "InstanceId", "Kind", "ElementId", "CreatedAt") VALUES (@id, @instance, 'UserTask', 'decideAcceptance', @now)""",
            ("@id", taskId), ("@instance", instanceId), ("@now", Now));
        sql.Execute(
            """
            INSERT INTO "Deadlines" ("Id", "CaseId", "TaskId", "Name", "Rule", "StartedAt", "DueAt", "State", "ExtensionCount", "LegalBasis", "RuleCode", "RuleSetId", "Unit", "LadderVersion", "NextStepAt")
            VALUES (@id, @case, @task, '受理期限', '7wd', @now, @due, 'Running', 0, '《市场监督管理投诉举报处理办法》第十五条', 'complaint.acceptance', 'O121', 'WorkingDays', 0, @due)
            """,
            ("@id", Id(Guid.NewGuid())), ("@case", caseId), ("@task", taskId), ("@now", Now), ("@due", Now + TimeSpan.TicksPerDay * 9));
        for (var i = 0; i < 4; i++)
        {
            sql.Execute(
                """INSERT INTO "CaseEvents" ("CaseId", "At", "Actor", "Event", "Details") VALUES (@case, @now, 'intake', 'Registered', '投诉人姓名及联系方式、被投诉人名称及地址、具体请求及事实已在登记时核验')""",
                ("@case", caseId), ("@now", Now));
        }

        for (var i = 0; i < 9; i++)
        {
            sql.Execute(
                """INSERT INTO "HistoryEvents" ("InstanceId", "At", "ElementId", "Event", "Details", "Actor") VALUES (@instance, @now, 'decideAcceptance', 'ElementEntered', NULL, 'intake')""",
                ("@instance", instanceId), ("@now", Now));
        }

        RawAudit.Entries(sql, AuditRows, caseId, Now);
    }

    /// <summary>The audit entries one intake writes in its transaction (unlinked: the server's sequencer links them later).</summary>
    public const int AuditRows = RawAudit.IntakeRows;

    /// <summary>The counter the raw case numbers come from, next to the server's own.</summary>
    public Task PrepareAsync() => numbers.PrepareAsync();
}
