using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Persistence;

/// <summary>Per-connection SQLite settings, applied to each native connection the first time EF Core opens it.</summary>
/// <remarks>
/// <c>synchronous</c> and <c>busy_timeout</c> belong to the connection, not to the file (unlike <c>journal_mode=WAL</c>),
/// so setting them once at start reached only the first connection: every other pooled connection committed with
/// <c>synchronous=FULL</c> and met a busy writer with no timeout of its own. Every connection now gets
/// <c>CaseFlow:Database:SqliteSynchronous</c>: <c>Full</c> (the default since issue 23) flushes the write-ahead log at
/// every commit, so no power cut takes back a case whose number a caller was given; group commit
/// (<see cref="SqliteGroupCommit"/>) makes that one flush per group of saves, which keeps intake at saturation as fast
/// as <c>Normal</c> without groups was. <c>Normal</c> in WAL mode keeps every commit across a crash of the process;
/// only a power loss can take back the last ones.
/// A pooled <see cref="SqliteConnection"/> hands out the same native connection on every open, and the settings stay on it,
/// so they are sent once per native connection rather than on each of the several opens of every request.
/// <para>
/// <c>cache_size</c> (also the connection's): 512 KiB instead of SQLite's 2 MiB. In WAL mode a connection drops its whole
/// page cache when it finds that another connection has written since its last read, which under write load is every
/// time, so the larger cache bought nothing there while each of the pool's connections kept up to 2 MiB of native memory
/// filled (issue 23: task completion at saturation went from 74–79 to 92 a second, peak resident set from 570–607 to
/// 418 MB; intake and the 1,000,000-case queue and case list were unchanged within noise, docs/benchmarks.md).
/// The one connection that saves write through (<see cref="SqliteWriterConnection"/>) is the exception: no other
/// connection writes between its saves, so its cache stays valid, and it keeps 16 MiB.
/// </para>
/// </remarks>
internal sealed class SqliteConnectionSettings(bool flushEveryCommit) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private readonly string pragmas = Durability(flushEveryCommit) + " PRAGMA cache_size=-512;";

    // The saves' one writer connection keeps its cache between saves, so it is given room for the indexes' upper pages.
    private readonly string writerPragmas = Durability(flushEveryCommit) + " PRAGMA cache_size=-16384;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsSettings(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsSettings(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    /// <summary>Whether <c>CaseFlow:Database:SqliteSynchronous</c> asks for a flush at every commit (<c>Full</c>).</summary>
    public static bool FlushesEveryCommit(string? setting) => string.Equals(setting, "Full", StringComparison.OrdinalIgnoreCase);

    private static string Durability(bool flushEveryCommit) =>
        $"PRAGMA synchronous={(flushEveryCommit ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=30000;";

    private string PragmasFor(DbConnection connection) =>
        SqliteWriterConnection.IsWriter(connection.ConnectionString) ? writerPragmas : pragmas;

    private static bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Configured.AddOrUpdate(handle, handle);
        }
    }
}
