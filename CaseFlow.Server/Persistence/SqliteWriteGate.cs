using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// One async gate per SQLite file, which every save and the case-number counter pass through before writing.
/// </summary>
/// <remarks>
/// SQLite allows one writer per file. Without the gate, concurrent writers meet SQLITE_BUSY, and Microsoft.Data.Sqlite
/// answers that by sleeping the thread (150 ms per retry): under a load of intakes a profile showed a quarter of all
/// samples in <c>Thread.Sleep</c> inside the counter's statement, with the thread pool starved. Waiting here is async
/// and FIFO, so writers queue in order without blocking threads. Keyed by file so that servers of several tests in one
/// process, each on its own file, do not wait for one another; other processes still meet the busy timeout.
/// </remarks>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = connection is SqliteConnection sqlite ? sqlite.DataSource : connection.DataSource;
        if (string.IsNullOrEmpty(file))
        {
            file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        }

        return Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
    }
}
