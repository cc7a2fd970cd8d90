using CaseFlow.LoadDriver;
using CaseFlow.LoadDriver.Database;
using CaseFlow.LoadDriver.Scenarios;

// The load driver of issue 7: starts CaseFlow.Server as a process on a fresh data directory (SQLite file or a fresh
// PostgreSQL database), seeds directly into its database where the scenario asks for it (server stopped), offers one
// named scenario at a fixed rate (open loop), then stops the server and runs the raw ADO.NET baseline doing the same
// rows on the same database at the same rate, and prints both. See docs/benchmarks.md for the commands and figures.
DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(DriverOptions.Usage);
    return 2;
}

var serverDll = options.ServerDll ?? ServerLocation.DefaultDll();
if (options.Scenario == "soak")
{
    return await Soak.RunAsync(options, serverDll);
}

if (options.Scenario == "intake" && options.KillAtSeconds is { } killAt)
{
    return await KillRun.RunAsync(options, serverDll, killAt);
}

if (options.Scenario == "wave")
{
    return await WaveRun.RunAsync(options, serverDll);
}

if (options.Scenario == "outbox")
{
    return await OutboxRun.RunAsync(options, serverDll);
}

ILoadScenario scenario = options.Scenario switch
{
    "intake" => new IntakeScenario(),
    "complete" => new CompleteScenario(),
    "queues" => new QueueScenario(),
    "cases" => new CaseListScenario(),
    _ => throw new ArgumentException($"unknown scenario '{options.Scenario}'\n{DriverOptions.Usage}"),
};

Console.WriteLine($"starting {serverDll}");
var runs = new List<RunFigures>();
var chainHolds = false;
var dataDirectory = ServerUnderTest.CreateDataDirectory();
var database = DriverDatabase.For(options, dataDirectory);
try
{
    if (options.ReuseData is { } seeded)
    {
        Console.WriteLine($"copying the seeded data directory {seeded} (no seeding)");
        CopyDirectory(seeded, dataDirectory);
    }
    else if (scenario is IDirectSeeding seeding && seeding.SeedsDirectly(options))
    {
        await using (await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory))
        {
            Console.WriteLine("server started once (migrations, rule sets, demo users); stopping it to seed directly");
        }

        await seeding.SeedDirectlyAsync(database, options);
        if (options.KeepData is { } keep)
        {
            Console.WriteLine($"copying the seeded data directory to {keep} (--reuse-data {keep} measures on it again)");
            CopyDirectory(dataDirectory, keep);
        }
    }

    await using var server = await ServerUnderTest.StartAsync(serverDll, options.ServerSettings, dataDirectory);
    Console.WriteLine($"server on {server.BaseUrl} ({database.Describe}); preparing {options.Scenario}");
    await scenario.PrepareAsync(server, options);
    var offset = 0;
    using var admin = await CaseFlowClient.SignInAsync(server.BaseUrl, "admin");
    runs.Add(await MeasureAsync("CaseFlow API", scenario.RunAsync, () => server.PeakRssBytes, admin.ResetWritePathAsync));
    Console.WriteLine($"  server resident set now {server.CurrentRssBytes / (1024 * 1024):N0} MB");
    SerialSectionReport.Print(await admin.WritePathAsync(), runs[^1].Completed);
    var chain = await admin.VerifiedAuditChainAsync(TimeSpan.FromSeconds(60));
    Console.WriteLine($"audit chain after the run: {chain.ToJsonString()}");
    chainHolds = CaseFlowClient.ChainHolds(chain);

    if (options.Baseline)
    {
        await server.StopAsync();
        var raw = await scenario.PrepareBaselineAsync(database);
        offset = 0;
        runs.Add(await MeasureAsync("baseline: raw ADO.NET, same rows", raw, () => null));
    }

    async Task<RunFigures> MeasureAsync(string name, Func<int, Task> operation, Func<long?> peakRss, Func<Task>? afterWarmup = null)
    {
        Console.WriteLine($"{name}: {options.WarmupSeconds} s warm-up at {options.EffectiveWarmupRate}/s, then {options.DurationSeconds} s at {options.Rate}/s");
        if (options.WarmupSeconds > 0)
        {
            await OpenLoop.RunAsync(options.EffectiveWarmupRate, TimeSpan.FromSeconds(options.WarmupSeconds), options.Concurrency, i => operation(offset + i));
            offset += options.EffectiveWarmupRate * options.WarmupSeconds;
        }

        if (afterWarmup is not null)
        {
            await afterWarmup();
        }

        var start = offset;
        var (recorder, elapsed) = await OpenLoop.RunAsync(
            options.Rate, TimeSpan.FromSeconds(options.DurationSeconds), options.Concurrency, i => operation(start + i), Console.WriteLine);
        offset += options.Rate * options.DurationSeconds;
        return recorder.Summarise(name, elapsed, peakRss());
    }
}
finally
{
    Directory.Delete(dataDirectory, recursive: true);
}

(scenario as IDisposable)?.Dispose();
Report.Print(options, runs);
if (!chainHolds)
{
    Console.WriteLine("error: the audit chain did not verify with every entry linked within 60 s of the run");
}

return runs.Any(r => r.Errors > 0) || !chainHolds ? 1 : 0;

// SQLite only: the server is stopped, so the file (and its WAL, if any) is consistent as it lies; the keys under
// security/ go with it, or the server could not read the personal data it encrypted.
static void CopyDirectory(string from, string to)
{
    Directory.CreateDirectory(to);
    foreach (var file in Directory.GetFiles(from))
    {
        File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }

    foreach (var directory in Directory.GetDirectories(from))
    {
        CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
