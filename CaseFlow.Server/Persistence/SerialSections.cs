using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// How long the write path holds a database-wide serial section: the SQLite file's one writer (the write gate), a case
/// number block reservation (the counter row's lock, once per block). Recorded per section as a histogram (log-linear
/// buckets, 16 per power of two, so a percentile is within about 6 %), read by <c>GET /api/admin/write-path</c> and the
/// load driver, and published as the metric <c>caseflow.write.serial_section</c> (milliseconds).
/// </summary>
/// <remarks>
/// Issue 23's question is what one intake or completion still holds that no other request on any node can hold at the
/// same time; on PostgreSQL that is now only the counter row, once per block of case numbers.
/// </remarks>
public static class SerialSections
{
    /// <summary>A save (or an assignment's transaction) holding the SQLite file's write gate.</summary>
    public const string SqliteWriter = "sqlite-writer";

    /// <summary>
    /// A group of saves holding the SQLite file's write gate, from its transaction's begin to its commit (group commit:
    /// each save's own turn inside it is recorded as <see cref="SqliteWriter"/>).
    /// </summary>
    public const string SqliteGroup = "sqlite-writer: group of saves, begin to commit";

    /// <summary>The one commit a group of saves shares (part of <see cref="SqliteGroup"/>).</summary>
    public const string SqliteGroupCommit = "sqlite-writer: group's commit";

    /// <summary>The audit sequencer's batch holding the SQLite file's write gate (requests queue behind it).</summary>
    public const string SqliteWriterAuditSequencer = "sqlite-writer: audit sequencer";

    /// <summary>A block of case numbers reserved: the counter row is locked for one statement and its commit.</summary>
    public const string CaseNumberBlock = "case-number block";

    /// <summary>
    /// An intake that found its node's block used up before the next one, reserved in the background, was there, and waited
    /// for it: the only part of a block's reservation an intake can still spend time in.
    /// </summary>
    public const string CaseNumberBlockAwaited = "case-number block: intake waited";

    private const int SubBuckets = 16;
    private static readonly Meter Meter = new("CaseFlow.Server");
    private static readonly Histogram<double> Metric = Meter.CreateHistogram<double>("caseflow.write.serial_section", "ms", "Time inside a database-wide serial section of the write path");
    private static readonly ConcurrentDictionary<string, Recorder> Recorders = new(StringComparer.Ordinal);

    /// <summary>Not a serial section: how long the oldest entry of each audit batch waited, from its write to its link's commit.</summary>
    public const string AuditLinkLag = "audit link window (oldest entry of each batch)";

    /// <summary>Records a section held from <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) until now.</summary>
    public static void Record(string section, long since) => Record(section, Stopwatch.GetElapsedTime(since));

    /// <summary>Records a section held for <paramref name="elapsed"/>.</summary>
    public static void Record(string section, TimeSpan elapsed)
    {
        Recorders.GetOrAdd(section, _ => new Recorder()).Add(Math.Max(0, (long)(elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000.0))));
        Metric.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("section", section));
    }

    /// <summary>Forgets everything recorded (e.g. after a load test's warm-up).</summary>
    public static void Reset() => Recorders.Clear();

    /// <summary>Count, percentiles and the non-empty buckets of each section recorded since the start or the last reset.</summary>
    public static IReadOnlyList<Summary> Snapshot() =>
        [.. Recorders.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.Summarise(r.Key))];

    /// <summary>One section's figures in milliseconds; <see cref="Buckets"/> are (upper bound, count).</summary>
    public sealed record Summary(string Section, long Count, double TotalMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, IReadOnlyList<Bucket> Buckets);

    public sealed record Bucket(double UpToMs, long Count);

    private static int IndexOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)Math.Max(0, micros);
        }

        var exponent = 63 - (int)long.LeadingZeroCount(micros); // >= 4
        var sub = (int)((micros >> (exponent - 4)) & (SubBuckets - 1));
        return ((exponent - 3) * SubBuckets) + sub;
    }

    private static double UpperBoundMicros(int index)
    {
        if (index < SubBuckets)
        {
            return index + 1;
        }

        var exponent = (index / SubBuckets) + 3;
        var sub = index % SubBuckets;
        return ((long)(SubBuckets + sub + 1)) << (exponent - 4);
    }

    private sealed class Recorder
    {
        private readonly long[] counts = new long[64 * SubBuckets];
        private long count;
        private long totalMicros;
        private long maxMicros;

        public void Add(long micros)
        {
            Interlocked.Increment(ref counts[Math.Min(counts.Length - 1, IndexOf(micros))]);
            Interlocked.Increment(ref count);
            Interlocked.Add(ref totalMicros, micros);
            long seen;
            while (micros > (seen = Interlocked.Read(ref maxMicros)) && Interlocked.CompareExchange(ref maxMicros, micros, seen) != seen)
            {
            }
        }

        public Summary Summarise(string name)
        {
            long[] snapshot = [.. counts];
            var total = snapshot.Sum();
            double Percentile(double p)
            {
                var rank = (long)Math.Ceiling(p * total);
                long seen = 0;
                for (var i = 0; i < snapshot.Length; i++)
                {
                    seen += snapshot[i];
                    if (seen >= rank && seen > 0)
                    {
                        return Math.Min(UpperBoundMicros(i), maxMicros) / 1000.0;
                    }
                }

                return 0;
            }

            var buckets = snapshot.Select((c, i) => (c, i)).Where(b => b.c > 0).Select(b => new Bucket(UpperBoundMicros(b.i) / 1000.0, b.c)).ToList();
            return new Summary(name, Interlocked.Read(ref count), Interlocked.Read(ref totalMicros) / 1000.0, Percentile(0.50), Percentile(0.90), Percentile(0.99), Percentile(0.999), Interlocked.Read(ref maxMicros) / 1000.0, buckets);
        }
    }
}
