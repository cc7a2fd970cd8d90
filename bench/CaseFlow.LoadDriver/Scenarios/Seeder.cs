using System.Diagnostics;

namespace CaseFlow.LoadDriver.Scenarios;

/// <summary>Registers complaints through the API as fast as the server takes them, with progress, before a measured run.</summary>
internal static class Seeder
{
    public static async Task SeedComplaintsAsync(CaseFlowClient intake, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            await intake.CreateComplaintAsync(1_000_000 + i);
            var n = Interlocked.Increment(ref done);
            if (n % 2_000 == 0 || n == count)
            {
                Console.WriteLine($"  seeded {n:N0}/{count:N0} complaints ({n / stopwatch.Elapsed.TotalSeconds:N0}/s)");
            }
        });
    }
}
