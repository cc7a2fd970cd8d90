using System.Globalization;

namespace CaseFlow.LoadDriver;

/// <summary>The command line: a scenario name, then <c>--name value</c> pairs.</summary>
internal sealed record DriverOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/CaseFlow.LoadDriver -- <scenario> [options]

        scenarios:
          intake     POST /api/cases: a complaint through the built-in process to its first task and deadline
          complete   POST /api/tasks/{id}/complete: the acceptance task of seeded complaints, accepted to office-1
          queues     GET /api/tasks?scope=candidate first page of 50: over --seed complaints registered through the API,
                     or over --cases seeded straight into the database (--open-tasks of them with one open task)
          cases      GET /api/cases first page of 50 (newest first, with the total) as --queue-user (use a handler, e.g.
                     handler1: others see every case unfiltered), over the same data as queues (--cases/--open-tasks)
          wave       --deadlines acceptance deadlines seeded straight into the database, all falling due at one instant T;
                     the server's own scheduled escalation sweep fires them; reports the time from T until every
                     deadline is escalated and its email is in the outbox, and the server's peak resident set
          outbox     --emails pending outbox rows seeded straight into the database, sent by the server's dispatcher to a
                     loopback SMTP sink (python3 -m aiosmtpd, CASEFLOW_TEST_PYTHON); reports emails/s, beside MailKit
                     sending the same messages to the sink with no database
          soak       4 in 10 intakes, 3 in 10 acceptances of earlier intakes, 3 in 10 queue reads, for the whole
                     --duration, reported per minute with the server's resident set (no baseline)

        options:
          --rate N          requests started per second, open loop (default 200)
          --duration S      measured seconds (default 30)
          --warmup S        seconds at the same rate before measuring, not counted (default 5)
          --warmup-rate N   requests per second during the warm-up instead of --rate: a long warm-up below saturation
                            (e.g. --warmup 40 --warmup-rate 100) lets the JIT's tier-up finish without queueing a backlog
          --concurrency N   most requests in flight; beyond it arrivals wait and their wait counts (default 64)
          --seed N          complaints created through the API before a complete or queues run (default: enough for
                            the run; queues 2,000)
          --server PATH     CaseFlow.Server.dll to start (default: the Release build next to this repository's bench)
          --set KEY=VALUE   an environment variable for the server, repeatable, e.g.
                            --set ConnectionStrings__CaseFlow="Data Source={data}/caseflow.db"
                            ({data} is the run's fresh data directory)
          --no-baseline     skip the raw ADO.NET baseline
          --kill-at S       intake only: kill the server (SIGKILL) S seconds into the measured run, start it again on the
                            same database and go on; then check that every acknowledged intake is stored and that the
                            audit chain verifies (no baseline)
          --provider NAME   sqlite (default) or postgres
          --connection CS   the PostgreSQL connection string for --provider postgres; {run} becomes a name unique to
                            the run, e.g. "Host=127.0.0.1;Port=5432;Username=caseflow;Database=load_{run}" (the driver
                            creates the database, the server's migrations its tables). The raw baselines run on either
                            provider.

        direct seeding (queues, cases, wave): the server is started once (migrations, rule sets, demo users), stopped, the rows
        are written into its database with its own EF Core context in batches of 5,000 entities, then it is started again
        for the measured run.
          --cases N         queues, cases: seed N complaints directly instead of --seed through the API, e.g. 1000000
          --open-tasks M    queues: how many of them wait on one open task (default N/10): 1 in 5 in the intake group's
                            queue, the rest spread over office-1..office-20 (on office-1/2 every other one claimed by
                            handler1/handler2); the others are closed or refused with their tasks completed
          --queue-user U    queues, cases: the demo user who reads the queue or the case list (default intake; also handler1, handler2, chief,
                            legal, admin)
          --scope S         queues: candidate (default), mine or all (all: chief or admin only)
          --deadlines W     wave: deadlines falling due together (default 100,000)
          --lead S          wave: seconds from the estimated end of seeding and server start to the due instant T
                            (default 60)
          --wave-timeout S  wave: give up this many seconds after T (default 600)
          --emails N        outbox: pending emails seeded (default 20,000)
          --keep-data DIR   queues, cases (SQLite): copy the seeded data directory to DIR before the measured run
          --reuse-data DIR  queues, cases (SQLite): measure on a copy of DIR (from --keep-data) instead of seeding; the
                            server's migrations bring it up to date first
        """;

    public required string Scenario { get; init; }

    public int Rate { get; init; } = 200;

    public int DurationSeconds { get; init; } = 30;

    public int WarmupSeconds { get; init; } = 5;

    /// <summary>Requests per second during the warm-up; null: <see cref="Rate"/>.</summary>
    public int? WarmupRate { get; init; }

    public int EffectiveWarmupRate => WarmupRate ?? Rate;

    public int Concurrency { get; init; } = 64;

    public int? Seed { get; init; }

    public string? ServerDll { get; init; }

    public bool Baseline { get; init; } = true;

    public string Provider { get; init; } = "sqlite";

    public string? Connection { get; init; }

    public int? Cases { get; init; }

    public int? OpenTasks { get; init; }

    public string QueueUser { get; init; } = "intake";

    public string Scope { get; init; } = "candidate";

    public int Deadlines { get; init; } = 100_000;

    public int LeadSeconds { get; init; } = 60;

    public int WaveTimeoutSeconds { get; init; } = 600;

    public int Emails { get; init; } = 20_000;

    /// <summary>A data directory seeded by an earlier run (kept with --keep-data) to measure again without seeding.</summary>
    public string? ReuseData { get; init; }

    /// <summary>Where to copy the seeded SQLite data directory before the measured run, for --reuse-data later.</summary>
    public string? KeepData { get; init; }

    /// <summary>intake: seconds into the measured run at which the server is killed and started again (<c>--kill-at</c>).</summary>
    public int? KillAtSeconds { get; init; }

    public bool OnPostgres => Provider == "postgres";

    /// <summary>Extra environment variables for the server process (configuration overrides).</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Operations the warm-up and the measured run start, which the seed must cover for <c>complete</c>.</summary>
    public int PlannedOperations => (EffectiveWarmupRate * WarmupSeconds) + (Rate * DurationSeconds);

    public static DriverOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("name a scenario first");
        }

        var options = new DriverOptions { Scenario = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rate" => options with { Rate = Positive(Next(), "--rate") },
                "--duration" => options with { DurationSeconds = Positive(Next(), "--duration") },
                "--warmup" => options with { WarmupSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup-rate" => options with { WarmupRate = Positive(Next(), "--warmup-rate") },
                "--concurrency" => options with { Concurrency = Positive(Next(), "--concurrency") },
                "--seed" => options with { Seed = Positive(Next(), "--seed") },
                "--server" => options with { ServerDll = Next() },
                "--no-baseline" => options with { Baseline = false },
                "--set" => options with { ServerSettings = With(options.ServerSettings, Next()) },
                "--provider" => options with { Provider = ProviderName(Next()) },
                "--connection" => options with { Connection = Next() },
                "--cases" => options with { Cases = Positive(Next(), "--cases") },
                "--open-tasks" => options with { OpenTasks = Positive(Next(), "--open-tasks") },
                "--queue-user" => options with { QueueUser = Next() },
                "--scope" => options with { Scope = ScopeName(Next()) },
                "--deadlines" => options with { Deadlines = Positive(Next(), "--deadlines") },
                "--lead" => options with { LeadSeconds = Positive(Next(), "--lead") },
                "--wave-timeout" => options with { WaveTimeoutSeconds = Positive(Next(), "--wave-timeout") },
                "--emails" => options with { Emails = Positive(Next(), "--emails") },
                "--reuse-data" => options with { ReuseData = Next() },
                "--keep-data" => options with { KeepData = Next() },
                "--kill-at" => options with { KillAtSeconds = Positive(Next(), "--kill-at") },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (options.OnPostgres)
        {
            var connection = options.Connection ?? throw new ArgumentException("--provider postgres needs --connection");
            options = options with
            {
                ServerSettings = With(With(options.ServerSettings, "CaseFlow__Database__Provider=Postgres"), $"ConnectionStrings__CaseFlow={connection}"),
            };
        }

        if (options.OpenTasks > options.Cases)
        {
            throw new ArgumentException("--open-tasks cannot exceed --cases");
        }

        if (options.OpenTasks is not null && options.Cases is null)
        {
            throw new ArgumentException("--open-tasks goes with --cases");
        }

        return options;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--set needs KEY=VALUE, not '{pair}'");
        }

        return new Dictionary<string, string>(settings) { [pair[..equals]] = pair[(equals + 1)..] };
    }

    private static string ProviderName(string value) =>
        value is "sqlite" or "postgres" ? value : throw new ArgumentException($"--provider is sqlite or postgres, not '{value}'");

    private static string ScopeName(string value) =>
        value is "candidate" or "mine" or "all" ? value : throw new ArgumentException($"--scope is candidate, mine or all, not '{value}'");

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
