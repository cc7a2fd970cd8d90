using System.Globalization;

namespace CaseFlow.LoadDriver;

/// <summary>Prints the figures as the markdown table docs/benchmarks.md quotes.</summary>
internal static class Report
{
    public static void Print(DriverOptions options, IReadOnlyList<RunFigures> runs)
    {
        Console.WriteLine();
        Console.WriteLine($"scenario {options.Scenario}: {options.Rate}/s offered for {options.DurationSeconds} s after {options.WarmupSeconds} s warm-up at {options.EffectiveWarmupRate}/s, at most {options.Concurrency} in flight, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| run | completed | errors | per second | p50 ms | p95 ms | p99 ms | max ms | server peak RSS |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var rss = run.PeakRssBytes is { } bytes ? $"{bytes / (1024.0 * 1024.0):N0} MB" : "–";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {run.Name} | {run.Completed:N0} | {run.Errors:N0} | {run.PerSecond:N0} | {run.P50:N1} | {run.P95:N1} | {run.P99:N1} | {run.Max:N0} | {rss} |"));
        }
    }
}
