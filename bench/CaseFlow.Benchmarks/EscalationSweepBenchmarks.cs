using BenchmarkDotNet.Attributes;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Escalations;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Scheduling;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines.Ladder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Benchmarks;

/// <summary>
/// A wave of statutory deadlines falling due at once (the 督办 at the due instant of 10,000 acceptance deadlines),
/// escalated by the real sweep on a real SQLite file, against raw ADO.NET writing the same rows per deadline.
/// </summary>
/// <remarks>
/// Each iteration starts from a copy of one seeded database file: 10,000 complaints, each with its open acceptance task
/// and running deadline (rule O121 complaint.acceptance, received Mon 2026-12-07), and the supervisor to tell. At Thu
/// 2026-12-17 07:00 each deadline is past its due instant with its warning already given, so each fires exactly one
/// step: the escalation row, a timeline entry, one email in the outbox, and the deadline's next instant and version.
/// </remarks>
[MemoryDiagnoser]
public class EscalationSweepBenchmarks
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset SweepAt = new(2026, 12, 17, 7, 0, 0, TimeSpan.FromHours(8));
    private readonly BusinessCalendar calendar = new();
    private string template = "";
    private string database = "";

    [Params(10_000)]
    public int Deadlines { get; set; }

    [GlobalSetup]
    public void Seed()
    {
        template = Path.Combine(Path.GetTempPath(), $"caseflow-bench-{Guid.NewGuid():N}.db");
        using var db = Open(template);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=DELETE;");
        new RuleSetStore(db, TimeProvider.System).SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
        db.Users.Add(new StoredUser { UserName = "chief", DisplayName = "科长", PasswordHash = "-", Email = "chief@caseflow.example", Roles = "Supervisor", Groups = "supervisors,office-1" });
        var due = calendar.ComputeDue(Received, BusinessDuration.Parse("7wd"));
        for (var i = 0; i < Deadlines; i++)
        {
            var caseId = Guid.NewGuid();
            var taskId = Guid.NewGuid();
            var deadlineId = Guid.NewGuid();
            db.Cases.Add(new StoredCase
            {
                Id = caseId, Number = $"TS2026-{i:D6}", Kind = "complaint", Channel = "hotline", ReceivedAt = Received,
                ComplainantName = "张三", ComplainantPhone = "13800138000", RespondentName = "某商行", Category = "food",
                Subject = "购买的食品变质", Description = "描述", CreatedAt = Received, CreatedBy = "intake",
            });
            db.Tasks.Add(new StoredTask
            {
                Id = taskId, InstanceId = Guid.NewGuid(), CaseId = caseId, ElementId = "decideAcceptance", Name = "受理审查",
                CandidateGroups = ",intake,", Outcomes = "accept,refuse", DueAt = due, CreatedAt = Received, State = TaskState.Open,
            });
            db.Deadlines.Add(new StoredDeadline
            {
                Id = deadlineId, CaseId = caseId, TaskId = taskId, Name = "受理期限", Rule = "7wd", RuleCode = "complaint.acceptance",
                RuleSetId = "O121", LegalBasis = "《市场监督管理投诉举报处理办法》第十五条", StartedAt = Received, DueAt = due,
                State = DeadlineState.Running, NextStepAt = due,
            });
            db.Escalations.Add(new StoredEscalation
            {
                Id = Guid.NewGuid(), DeadlineId = deadlineId, CaseId = caseId, TaskId = taskId,
                StepKey = EscalationLadder.WarningKey("2wd", calendar.ToLocalDate(due)), Role = "assignee", Recipients = "intake",
                DueAt = due, FiredAt = Received, FiredBy = "seed",
            });
        }

        db.SaveChanges();
    }

    [IterationSetup]
    public void CopyDatabase()
    {
        SqliteConnection.ClearAllPools();
        database = Path.Combine(Path.GetTempPath(), $"caseflow-bench-{Guid.NewGuid():N}.db");
        File.Copy(template, database);
        using var db = Open(database);
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [GlobalCleanup]
    public void DeleteTemplate()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(template);
    }

    /// <summary>The same rows per deadline in batches of 500 per transaction, with nothing planned: the floor.</summary>
    [Benchmark(Baseline = true, Description = "baseline: raw ADO.NET, same rows")]
    public int RawSql()
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        var due = new List<(string Id, string CaseId, string TaskId)>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT Id, CaseId, TaskId FROM Deadlines WHERE State = 'Running' AND NextStepAt <= $now";
            select.Parameters.AddWithValue("$now", SweepAt.UtcTicks);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                due.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var batch in due.Chunk(500))
        {
            using var transaction = connection.BeginTransaction();
            foreach (var (id, caseId, taskId) in batch)
            {
                Execute(connection, transaction, "INSERT INTO DeadlineEscalations (Id, DeadlineId, CaseId, TaskId, StepKey, Kind, Level, Occurrence, Role, Recipients, DueAt, FiredAt, FiredBy) VALUES ($id, $d, $c, $t, 'step:0#1', 'SupervisionItem', 1, 1, 'supervisors', 'chief', 0, $now, 'raw')", id, caseId, taskId);
                Execute(connection, transaction, "INSERT INTO CaseEvents (CaseId, At, Actor, Event, Details) VALUES ($c, $now, 'system', 'SupervisionItemOpened', '督办')", id, caseId, taskId);
                Execute(connection, transaction, "INSERT INTO OutboxMessages (Id, IdempotencyKey, \"To\", Subject, Body, CaseId, CreatedAt, State, Attempts, NextAttemptAt, MessageId) VALUES ($id, 'raw:' || $d, 'chief@caseflow.example', '【督办】', '正文', $c, $now, 'Pending', 0, $now, $id)", id, caseId, taskId);
                Execute(connection, transaction, "UPDATE Deadlines SET NextStepAt = $now + 1, LadderVersion = LadderVersion + 1 WHERE Id = $d AND LadderVersion = 0", id, caseId, taskId);
            }

            transaction.Commit();
        }

        return due.Count;
    }

    /// <summary>The real sweep: plans each ladder, resolves recipients, writes the step, email and timeline entry.</summary>
    [Benchmark(Description = "EscalationSweeper.SweepAsync")]
    public async Task<int> Sweep()
    {
        await using var db = Open(database);
        var clock = new FixedClock(SweepAt);
        var sweeper = new EscalationSweeper(
            db, new RuleSetStore(db, clock), calendar, new NoSignal(),
            Options.Create(new SchedulingOptions { EscalationSweepBudgetSeconds = 3600 }), clock, NullLogger<EscalationSweeper>.Instance);
        return await sweeper.SweepAsync(CancellationToken.None);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string deadlineId, string caseId, string taskId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$d", deadlineId);
        command.Parameters.AddWithValue("$c", caseId);
        command.Parameters.AddWithValue("$t", taskId);
        command.Parameters.AddWithValue("$now", SweepAt.UtcTicks);
        command.ExecuteNonQuery();
    }

    private static CaseFlowDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<CaseFlowDbContext>().UseSqlite($"Data Source={path}").Options);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoSignal : ICommandCommitSignal
    {
        public void EmailsQueued()
        {
        }
    }
}
