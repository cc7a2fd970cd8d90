using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Persistence;

/// <summary>Per-connection SQLite settings, applied each time EF Core opens a connection.</summary>
/// <remarks>
/// <c>synchronous</c> and <c>busy_timeout</c> belong to the connection, not to the file (unlike <c>journal_mode=WAL</c>),
/// so setting them once at start reached only the first connection: every other pooled connection committed with
/// <c>synchronous=FULL</c> (an fsync per commit) and met a busy writer with no timeout of its own. NORMAL in WAL mode
/// keeps every committed transaction across a process crash; only a power loss can take back the last commits.
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
