using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Tests.Persistence;

/// <summary>
/// No statement that the everyday requests run (registering, accepting and mediating a complaint, reports and their
/// duplicate check, queues, case lists, a case's view) reads a whole table that grows with the cases. Issue 23 found
/// three that did: two once per completion (a case's grants, and its running deadlines, where SQLite chose the sweep's
/// index over the case's) and one per case view (its linked cases). Invisible in a test database, they grow with a
/// province's data. Every statement EF Core runs on this test's database during the steps is planned with SQLite's
/// <c>EXPLAIN QUERY PLAN</c>, and a <c>SCAN</c> of a growing table fails the test. A search on a poor index (the
/// deadlines' case: <c>State=?</c> alone) is a <c>SEARCH</c> in the plan and is not caught here.
/// </summary>
public sealed partial class QueryPlanTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    // Configuration and reference data: a handful of rows however many cases there are, so reading them whole is cheap.
    private static readonly HashSet<string> ReferenceTables = new(StringComparer.Ordinal)
    {
        "RuleSets", "Jurisdictions", "Offices", "ProcessVersions", "LetterTemplates", "CalendarYears", "CalendarDays",
        "Users", "TimerStarts", "__EFMigrationsHistory", "sqlite_master",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisteringAcceptingAndMediating_ReadNoGrowingTableWhole()
    {
        await AssertNoWholeReadsAsync(async (intake, handler) =>
        {
            var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
            await intake.StepAsync(caseId, "decideAcceptance", "accept", new { officeId = "office-1" });
            await handler.StepAsync(caseId, "mediate", "agreement", CaseSteps.Agreement());
        });
    }

    [Fact]
    public async Task ReportsQueuesAndCaseLists_ReadNoGrowingTableWhole()
    {
        await AssertNoWholeReadsAsync(async (intake, handler) =>
        {
            // Two reports of the same shop: the second is checked against the first for a duplicate.
            await intake.CreateAsync(CaseSteps.Report());
            var second = (string)(await intake.CreateAsync(CaseSteps.Report(description: "同一商行仍在销售无3C标志的电热水壶。")))["id"]!;
            await handler.GetStringAsync("/api/tasks?scope=candidate", Cancel);
            await handler.GetStringAsync("/api/tasks?scope=mine", Cancel);
            await handler.GetStringAsync("/api/cases", Cancel);
            await intake.GetStringAsync("/api/cases?status=registered", Cancel);
            await intake.GetCaseAsync(second);
        });
    }

    /// <summary>Runs <paramref name="steps"/> as the intake user and handler1, then plans every statement they ran.</summary>
    private async Task AssertNoWholeReadsAsync(Func<HttpClient, HttpClient, Task> steps)
    {
        if (TestDatabases.IsPostgres)
        {
            return; // PostgreSQL plans from statistics; the planner without them, which this guards, is SQLite's
        }

        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var file = Path.GetFullPath(Path.Combine(app.DataDirectory, "caseflow.db"));
        IReadOnlyCollection<string> statements;
        using (var capture = new StatementCapture(file))
        {
            await steps(intake, handler);
            statements = capture.Statements;
        }

        await AssertPlansReadNoGrowingTableWholeAsync(file, statements);
    }

    private static async Task AssertPlansReadNoGrowingTableWholeAsync(string file, IReadOnlyCollection<string> statements)
    {
        Assert.True(statements.Count > 20, $"only {statements.Count} statements were seen: the capture is not working");
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Cancel);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var names = await list.ExecuteReaderAsync(Cancel);
            while (await names.ReadAsync(Cancel))
            {
                tables.Add(names.GetString(0));
            }
        }

        var wholeReads = new List<string>();
        foreach (var sql in statements.Where(s => Planned().IsMatch(s)))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + Parameter().Replace(sql, "NULL"); // the plan does not depend on the values
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match alias in Alias().Matches(sql))
            {
                aliases.TryAdd(alias.Groups[2].Value, alias.Groups[1].Value);
            }
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                var detail = reader.GetString(3);
                // A scan of a subquery's rows (its alias names no table) is planned, and checked, on its own lines.
                if (Scan().Match(detail) is { Success: true } scan && aliases.GetValueOrDefault(scan.Groups[1].Value, scan.Groups[1].Value) is var table
                    && tables.Contains(table) && !ReferenceTables.Contains(table))
                {
                    wholeReads.Add($"{detail}  ←  {sql}");
                }
            }
        }

        Assert.True(wholeReads.Count == 0, "statements that read a growing table whole:\n" + string.Join("\n", wholeReads));
    }

    [GeneratedRegex(@"^\s*(SELECT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Planned();

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex Alias();

    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex Scan();

    /// <summary>The text of every command EF Core runs on one SQLite file while it is alive (other tests' files are left out).</summary>
    private sealed class StatementCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string file;
        private readonly ConcurrentDictionary<string, bool> seen = new(StringComparer.Ordinal);
        private readonly List<IDisposable> subscriptions = [];
        private readonly IDisposable all;

        public StatementCapture(string file)
        {
            this.file = file;
            all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public IReadOnlyCollection<string> Statements => [.. seen.Keys];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed
                && executed.Command.Connection is SqliteConnection { DataSource: { } source } && Path.GetFullPath(source) == file)
            {
                seen.TryAdd(executed.Command.CommandText, true);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            all.Dispose();
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
