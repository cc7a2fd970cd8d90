using System.Data;
using System.Data.Common;
using CaseFlow.Server.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Security;

/// <summary>
/// A SQLite save that opens its own connection takes the write gate just before the connection opens, opens it on the
/// writer's pool (<see cref="SqliteWriterConnection"/>), and gives the gate back when the connection closes, right after
/// the commit.
/// </summary>
/// <remarks>
/// Holding the gate from the open to the close keeps the writer's pool to one native connection, whose page cache
/// survives from one save to the next because no other connection writes in between. EF Core opens the connection after
/// it has sorted the changes and built the first commands, so the gate is not held any longer for that work than before.
/// A save on a connection that is already open (a caller's transaction, or a connection its caller opened) keeps the
/// ordinary path: the gate from its first write to its commit.
/// </remarks>
internal sealed partial class AuditChainInterceptor : IDbConnectionInterceptor
{
    public async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (WriterHold(connection, eventData) is { } hold)
        {
            await hold.TakeAsync(cancellationToken);
            hold.OpenAsWriter((SqliteConnection)connection);
        }

        return result;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (WriterHold(connection, eventData) is { } hold)
        {
            hold.Take();
            hold.OpenAsWriter((SqliteConnection)connection);
        }

        return result;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => WriterClosed(connection, eventData);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        WriterClosed(connection, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => WriterClosed(connection, eventData);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        WriterClosed(connection, eventData);
        return Task.CompletedTask;
    }

    // Only a save in progress (its hooks' reads run before the audit interceptor notes the save, so none reach here).
    private Hold? WriterHold(DbConnection connection, ConnectionEventData? eventData) =>
        connection is SqliteConnection { State: ConnectionState.Closed } && eventData?.Context is { } db
            && holders.TryGetValue(db, out var hold) && hold.MayOpenWriter ? hold : null;

    private void WriterClosed(DbConnection connection, ConnectionEventData? eventData)
    {
        if (eventData?.Context is { } db && holders.TryGetValue(db, out var hold))
        {
            hold.WriterClosed(connection);
        }
    }
}
