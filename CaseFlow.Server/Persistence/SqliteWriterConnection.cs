using System.Collections.Concurrent;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// The connection string a save writes a SQLite file through: the configured one, made a connection pool of its own, so
/// that every save on the file reuses one native connection and finds its pages still cached.
/// </summary>
/// <remarks>
/// In WAL mode a connection drops its whole page cache when another connection has written since its last read. Saves
/// took whichever pooled connection was free, so under write load each save found its cache dropped by the saves before
/// it and read again, from the operating system, every index page its inserts walked (issue 23: the kernel's page reads
/// were about a third of task completion's CPU). A save opens this pool's connection only while it holds the file's
/// <see cref="SqliteWriteGate"/>, and closes it before giving the gate back, so the pool holds one native connection
/// and no other connection writes between its saves (the few writers that take the gate themselves, such as the audit
/// sequencer, still use the ordinary pool: after one of them the writer reads its pages once again).
/// Microsoft.Data.Sqlite keys its pools by the connection string's text; appending <c>Pooling=True</c> (the last value of a
/// keyword wins) changes the text and nothing else.
/// </remarks>
internal static class SqliteWriterConnection
{
    private const string PooledSuffix = ";Pooling=True";

    private static readonly ConcurrentDictionary<string, string> Writers = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> WriterStrings = new(StringComparer.Ordinal);

    /// <summary>The writer's connection string for a configured one.</summary>
    public static string For(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return Writers.GetOrAdd(connectionString, static configured =>
        {
            var writer = configured.TrimEnd(';', ' ') + PooledSuffix;
            WriterStrings.TryAdd(writer, true);
            return writer;
        });
    }

    /// <summary>Whether a connection string is one that <see cref="For"/> made.</summary>
    public static bool IsWriter(string? connectionString) => connectionString is not null && WriterStrings.ContainsKey(connectionString);
}
