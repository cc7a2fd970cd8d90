using System.Diagnostics;

namespace CaseFlow.LoadDriver;

/// <summary>
/// Starts operations at a fixed rate whether or not earlier ones have finished (an open loop, like citizens and handlers
/// who do not wait for each other), with at most <c>concurrency</c> in flight. A closed loop would slow down with the
/// server and hide exactly the latency a saturated server causes.
/// </summary>
internal static class OpenLoop
{
    public static async Task<(LatencyRecorder Recorder, TimeSpan Elapsed)> RunAsync(
        int rate, TimeSpan duration, int concurrency, Func<int, Task> operation, Action<string>? progress = null)
    {
        var recorder = new LatencyRecorder();
        using var slots = new SemaphoreSlim(concurrency);
        var total = (int)(rate * duration.TotalSeconds);
        var running = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var interval = Stopwatch.Frequency / (double)rate;
        for (var i = 0; i < total; i++)
        {
            var scheduled = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await slots.WaitAsync();
            running.Add(RunOneAsync(i, scheduled));
            if (progress is not null && i > 0 && i % rate == 0)
            {
                progress($"  {i / rate} s: {i} started");
            }
        }

        await Task.WhenAll(running);
        return (recorder, Stopwatch.GetElapsedTime(start));

        async Task RunOneAsync(int index, long scheduled)
        {
            try
            {
                await operation(index);
                recorder.Record(scheduled);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or System.Data.Common.DbException)
            {
                if (recorder.RecordError() <= 3)
                {
                    Console.Error.WriteLine($"  error: {ex.Message}");
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
