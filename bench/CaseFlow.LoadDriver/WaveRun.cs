using System.Globalization;
using CaseFlow.LoadDriver.Baseline;
using CaseFlow.LoadDriver.Database;
using CaseFlow.LoadDriver.Seeding;
using CaseFlow.Server.Scheduling;

namespace CaseFlow.LoadDriver;

/// <summary>
/// The timer goal of issue 7: <c>--deadlines</c> deadlines falling due at one instant T, escalated by the server's own
/// Quartz-scheduled sweep (settings left at their defaults unless --set), with every email in the outbox, within 2
/// minutes of T. The server is started once (migrations, rule sets, demo users), stopped, the wave seeded directly,
/// the database copied for the baseline, and the server started again; the driver then polls the database read-only
/// every second until everything has fired.
/// </summary>
internal static class WaveRun
{
    /// <summary>Deadlines per second the seeding is assumed to manage when choosing T (4 entities each; measured on the 2-core machine).</summary>
    private const double AssumedSeedRate = 1_000;

    /// <summary>Seconds assumed for the server's second start when choosing T.</summary>
    private const double AssumedStartSeconds = 20;

    private static readonly TimeSpan Goal = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(DriverOptions options, string serverDll)
    {
        var clock = TimeProvider.System;
        var w = options.Deadlines;
        var dataDirectory = ServerUnderTest.CreateDataDirectory();
        var database = DriverDatabase.For(options, dataDirectory);
        DriverDatabase? copy = null;
        try
        {
            Console.WriteLine($"starting {serverDll}");
            await using (await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory))
            {
                Console.WriteLine("server started once (migrations, rule sets, demo users); stopping it to seed the wave");
            }

            var defaults = new SchedulingOptions();
            var overrides = options.ServerSettings.Where(s => s.Key.StartsWith("CaseFlow__Scheduling__", StringComparison.Ordinal)).Select(s => $"{s.Key}={s.Value}").ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"sweep settings: EscalationSweepSeconds {defaults.EscalationSweepSeconds}, EscalationBatchSize {defaults.EscalationBatchSize}, EscalationSweepBudgetSeconds {defaults.EscalationSweepBudgetSeconds} (defaults){(overrides.Count > 0 ? "; overridden: " + string.Join(", ", overrides) : "")}"));

            // T is fixed before seeding (every row carries it): the estimated seeding and start, then the lead.
            var estimate = TimeSpan.FromSeconds(w / AssumedSeedRate + AssumedStartSeconds + options.LeadSeconds);
            var now = clock.GetUtcNow();
            var t = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + estimate;
            Console.WriteLine($"T = {t:u} (now + {estimate.TotalSeconds:N0} s: {w:N0} at an assumed {AssumedSeedRate:N0}/s, {AssumedStartSeconds} s start, {options.LeadSeconds} s lead)");
            await WaveSeed.SeedAsync(database, w, t, clock);
            if (options.Baseline)
            {
                copy = await database.CopyAsync("baseline");
                Console.WriteLine($"  copied for the baseline: {copy.Describe}");
            }

            var figures = await MeasureAsync(options, serverDll, dataDirectory, database, t, clock);
            TimeSpan? baseline = null;
            if (copy is not null)
            {
                var (fired, elapsed) = await RawWave.RunAsync(copy, clock);
                Console.WriteLine($"baseline: raw ADO.NET fired {fired:N0} deadlines in batches of 500 in {elapsed.TotalSeconds:N1} s ({fired / elapsed.TotalSeconds:N0}/s)");
                baseline = elapsed;
            }

            Print(options, figures, baseline);
            return figures.Escalated == TimeSpan.MaxValue || figures.Emailed == TimeSpan.MaxValue ? 1 : 0;
        }
        finally
        {
            if (copy is not null)
            {
                await copy.DropAsync();
            }

            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<WaveFigures> MeasureAsync(DriverOptions options, string serverDll, string dataDirectory, DriverDatabase database, DateTimeOffset t, TimeProvider clock)
    {
        var w = options.Deadlines;
        await using var server = await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory);
        var ready = clock.GetUtcNow() - t;
        Console.WriteLine(ready < TimeSpan.Zero
            ? $"server on {server.BaseUrl}, ready {-ready.TotalSeconds:N0} s before T"
            : $"server on {server.BaseUrl}, ready {ready.TotalSeconds:N0} s AFTER T: the figures include its start (raise --lead)");
        var poll = database.ReadOnly();
        var escalatedAt = TimeSpan.MaxValue;
        var emailedAt = TimeSpan.MaxValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync())
        {
            var since = clock.GetUtcNow() - t;
            if (since < TimeSpan.Zero)
            {
                if ((int)since.TotalSeconds % 10 == 0)
                {
                    Console.WriteLine($"  T{since.TotalSeconds:+0;-0} s: waiting for T");
                }

                continue;
            }

            // One statement, so both counts come from the same snapshot.
            var (escalated, emails) = await poll.TwoCountsAsync(
                """SELECT (SELECT COUNT(*) FROM "DeadlineEscalations" WHERE "FiredAt" >= @t), (SELECT COUNT(*) FROM "OutboxMessages" WHERE "CreatedAt" >= @t)""",
                ("@t", t.UtcTicks));
            since = clock.GetUtcNow() - t;
            if (escalated >= w && escalatedAt == TimeSpan.MaxValue)
            {
                escalatedAt = since;
            }

            if (emails >= w && emailedAt == TimeSpan.MaxValue)
            {
                emailedAt = since;
            }

            Console.WriteLine($"  T+{since.TotalSeconds:N0} s: escalations fired {escalated:N0}/{w:N0}, outbox messages {emails:N0}/{w:N0}, server RSS {server.CurrentRssBytes / (1024 * 1024):N0} MB");
            if ((escalatedAt != TimeSpan.MaxValue && emailedAt != TimeSpan.MaxValue) || since > TimeSpan.FromSeconds(options.WaveTimeoutSeconds))
            {
                break;
            }
        }

        return new WaveFigures(escalatedAt, emailedAt, server.PeakRssBytes);
    }

    private static void Print(DriverOptions options, WaveFigures figures, TimeSpan? baseline)
    {
        static string Seconds(TimeSpan span) => span == TimeSpan.MaxValue ? "not reached" : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:N1} s");
        var slowest = figures.Escalated > figures.Emailed ? figures.Escalated : figures.Emailed;
        Console.WriteLine();
        Console.WriteLine($"scenario wave: {options.Deadlines:N0} deadlines due at T, {(options.OnPostgres ? "PostgreSQL" : "SQLite")}, {Environment.ProcessorCount} cores; goal: all escalated with emails within {Goal.TotalMinutes:N0} min of T");
        Console.WriteLine();
        Console.WriteLine("| run | all escalated after T | all emails in the outbox after T | goal met | server peak RSS |");
        Console.WriteLine("|---|---:|---:|---|---:|");
        Console.WriteLine($"| CaseFlow (scheduled sweep) | {Seconds(figures.Escalated)} | {Seconds(figures.Emailed)} | {(slowest <= Goal ? "yes" : "no")} | {figures.PeakRssBytes / (1024.0 * 1024.0):N0} MB |");
        if (baseline is { } elapsed)
        {
            Console.WriteLine($"| baseline: raw ADO.NET, same rows, batches of 500 | {Seconds(elapsed)} (from its own start) | {Seconds(elapsed)} (same transactions) | – | – |");
        }
    }

    private sealed record WaveFigures(TimeSpan Escalated, TimeSpan Emailed, long PeakRssBytes);
}
