using System.Globalization;
using System.Text.Json.Nodes;

namespace CaseFlow.LoadDriver;

/// <summary>
/// Prints the server's serial sections over the measured run (GET /api/admin/write-path, reset after the warm-up): how
/// long writes held something no other request of the database could hold at the same time, as percentiles and a
/// histogram (docs/benchmarks.md quotes it).
/// </summary>
internal static class SerialSectionReport
{
    public static void Print(JsonArray sections, int operations)
    {
        Console.WriteLine();
        Console.WriteLine($"serial sections on the server during the measured run ({operations:N0} operations):");
        if (sections.Count == 0)
        {
            Console.WriteLine("  none held");
            return;
        }

        Console.WriteLine("| section | held | per operation | total ms | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sections.Select(x => x!.AsObject()))
        {
            var count = (long)s["count"]!;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {s["section"]} | {count:N0} | {(operations == 0 ? 0 : count / (double)operations):N2} | {(double)s["totalMs"]!:N0} | {(double)s["p50Ms"]!:N3} | {(double)s["p90Ms"]!:N3} | {(double)s["p99Ms"]!:N3} | {(double)s["p999Ms"]!:N3} | {(double)s["maxMs"]!:N1} |"));
        }

        foreach (var s in sections.Select(x => x!.AsObject()))
        {
            var buckets = s["buckets"]!.AsArray().Select(b => ((double)b!["upToMs"]!, (long)b["count"]!)).ToList();
            Console.WriteLine($"  histogram of {s["section"]} (upper bound ms: count, merged to powers of two):");
            var merged = buckets.GroupBy(b => Math.Pow(2, Math.Ceiling(Math.Log2(Math.Max(b.Item1, 0.001))))).OrderBy(g => g.Key);
            Console.WriteLine("    " + string.Join("  ", merged.Select(g => string.Create(CultureInfo.InvariantCulture, $"≤{g.Key:0.###}: {g.Sum(b => b.Item2):N0}"))));
        }
    }
}
