using System.Globalization;
using CaseFlow.LoadDriver.Scenarios;

namespace CaseFlow.LoadDriver;

/// <summary>
/// The soak of issue 7: one server, the <see cref="SoakMix"/> offered at a fixed rate for the whole duration, measured
/// in one-minute windows so drift shows: throughput, latency percentiles and the server's resident set per window,
/// then the first five minutes against the last five, and the audit chain verified at the end.
/// </summary>
internal static class Soak
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(DriverOptions options, string serverDll)
    {
        var windows = new List<(RunFigures Figures, long RssBytes)>();
        System.Text.Json.Nodes.JsonObject chain;
        await using (var server = await ServerUnderTest.StartAsync(serverDll, options.ServerSettings))
        {
            using var mix = new SoakMix();
            await mix.PrepareAsync(server);
            Console.WriteLine($"server on {server.BaseUrl} (data {server.DataDirectory}); soak at {options.Rate}/s for {options.DurationSeconds} s");
            var offset = 0;
            if (options.WarmupSeconds > 0)
            {
                await OpenLoop.RunAsync(options.EffectiveWarmupRate, TimeSpan.FromSeconds(options.WarmupSeconds), options.Concurrency, mix.RunAsync);
                offset = options.EffectiveWarmupRate * options.WarmupSeconds;
            }

            var count = (int)Math.Ceiling(options.DurationSeconds / Window.TotalSeconds);
            for (var minute = 1; minute <= count; minute++)
            {
                var start = offset;
                var (recorder, elapsed) = await OpenLoop.RunAsync(options.Rate, Window, options.Concurrency, i => mix.RunAsync(start + i));
                offset += (int)(options.Rate * Window.TotalSeconds);
                var figures = recorder.Summarise($"minute {minute}", elapsed, server.PeakRssBytes);
                var rss = server.CurrentRssBytes;
                windows.Add((figures, rss));
                Console.WriteLine(Row(figures, rss));
            }

            using var admin = await CaseFlowClient.SignInAsync(server.BaseUrl, "admin");
            chain = await admin.VerifiedAuditChainAsync(TimeSpan.FromSeconds(60));
        }

        Print(options, windows);
        Console.WriteLine($"audit chain after the soak: {chain.ToJsonString()}");
        return windows.Any(w => w.Figures.Errors > 0) || !CaseFlowClient.ChainHolds(chain) ? 1 : 0;
    }

    private static void Print(DriverOptions options, List<(RunFigures Figures, long RssBytes)> windows)
    {
        Console.WriteLine();
        Console.WriteLine($"soak: {options.Rate}/s offered for {options.DurationSeconds} s after {options.WarmupSeconds} s warm-up, at most {options.Concurrency} in flight, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| window | completed | errors | per second | p50 ms | p95 ms | p99 ms | max ms | server RSS at end |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (figures, rss) in windows)
        {
            Console.WriteLine(Row(figures, rss));
        }

        if (windows.Count >= 10)
        {
            var first = windows.Take(5).ToList();
            var last = windows.TakeLast(5).ToList();
            Console.WriteLine();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"drift, first 5 windows → last 5: per second {first.Average(w => w.Figures.PerSecond):N1} → {last.Average(w => w.Figures.PerSecond):N1}, " +
                $"median p95 {Median(first, w => w.Figures.P95):N1} → {Median(last, w => w.Figures.P95):N1} ms, " +
                $"RSS {Mb(first.Average(w => w.RssBytes)):N0} → {Mb(last.Average(w => w.RssBytes)):N0} MB, peak {Mb(windows.Max(w => w.Figures.PeakRssBytes ?? 0)):N0} MB, " +
                $"errors {windows.Sum(w => w.Figures.Errors):N0}"));
        }
    }

    private static string Row(RunFigures f, long rss) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {f.Name} | {f.Completed:N0} | {f.Errors:N0} | {f.PerSecond:N1} | {f.P50:N1} | {f.P95:N1} | {f.P99:N1} | {f.Max:N0} | {Mb(rss):N0} MB |");

    private static double Median<T>(List<T> items, Func<T, double> value)
    {
        var sorted = items.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double Mb(double bytes) => bytes / (1024.0 * 1024.0);
}
