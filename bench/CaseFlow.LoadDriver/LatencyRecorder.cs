using System.Collections.Concurrent;
using System.Diagnostics;

namespace CaseFlow.LoadDriver;

/// <summary>Latencies of one run, measured from when each request was due to start (so queueing in the driver counts).</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private int errors;

    public void Record(long scheduledTimestamp) =>
        milliseconds.Add(Stopwatch.GetElapsedTime(scheduledTimestamp).TotalMilliseconds);

    /// <summary>Counts a failed operation; returns how many have failed so far.</summary>
    public int RecordError() => Interlocked.Increment(ref errors);

    public RunFigures Summarise(string name, TimeSpan elapsed, long? peakRssBytes)
    {
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new RunFigures(
            name, sorted.Length, errors, sorted.Length / elapsed.TotalSeconds,
            Percentile(0.50), Percentile(0.95), Percentile(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], peakRssBytes);
    }
}

/// <summary>What a run achieved: completed operations per second and the latency percentiles in milliseconds.</summary>
internal sealed record RunFigures(string Name, int Completed, int Errors, double PerSecond, double P50, double P95, double P99, double Max, long? PeakRssBytes);
