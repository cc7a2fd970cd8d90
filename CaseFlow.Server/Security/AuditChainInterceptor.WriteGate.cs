using System.Data;
using System.Data.Common;
using System.Diagnostics;
using CaseFlow.Server.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseFlow.Server.Security;

/// <summary>
/// When a save holds the SQLite file's write gate: from just before its first write (EF Core beginning the save's
/// transaction, or its one command when it needs none) to its commit. A save that opens its own connection takes it
/// earlier, just before that opens, and holds it until the connection closes (the WriterConnection part).
/// </summary>
/// <remarks>
/// The gate was taken when the save began and given back after it ended, so the one writer was also held while EF Core
/// sorted the changes and generated their SQL, and while it accepted the saved values afterwards: CPU work that needs no
/// lock, done while every other save on the file waited (issue 23: the writer was busy 90 % of the time at 166 intakes a
/// second, each save holding it 2.9 ms at p50). Reads a save's own hooks run before its first write stay outside it too.
/// </remarks>
internal sealed partial class AuditChainInterceptor : IDbTransactionInterceptor, IDbCommandInterceptor
{
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await TakeGateAsync(eventData?.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        TakeGate(eventData?.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeGateAsync(SavingContext(eventData), cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        TakeGate(SavingContext(eventData));
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeGateAsync(SavingContext(eventData), cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        TakeGate(SavingContext(eventData));
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseGate(eventData?.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseGate(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseGate(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseGate(eventData?.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseGate(eventData?.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseGate(eventData?.Context);
        return Task.CompletedTask;
    }

    // Only the save's own commands: a query a hook runs while the save is being prepared is a read and needs no gate.
    private static DbContext? SavingContext(CommandEventData? eventData) =>
        eventData is { CommandSource: CommandSource.SaveChanges } ? eventData.Context : null;

    private ValueTask TakeGateAsync(DbContext? db, CancellationToken cancellationToken) =>
        db is not null && holders.TryGetValue(db, out var hold) ? hold.TakeAsync(cancellationToken) : ValueTask.CompletedTask;

    private void TakeGate(DbContext? db)
    {
        if (db is not null && holders.TryGetValue(db, out var hold))
        {
            hold.Take();
        }
    }

    private void ReleaseGate(DbContext? db)
    {
        if (db is not null && holders.TryGetValue(db, out var hold))
        {
            hold.Release();
        }
    }

    /// <summary>
    /// What one save holds: on SQLite the file's write gate once its first write comes (and since when), the writer
    /// connection it opened under the gate if it did, and whether it wrote audit entries.
    /// </summary>
    private sealed class Hold(SemaphoreSlim? gate, bool audited)
    {
        private bool held;
        private long since;
        private SqliteConnection? writer;
        private string? configured;

        public bool Audited { get; } = audited;

        /// <summary>Whether the save may open the writer connection: it is on SQLite and holds nothing yet.</summary>
        public bool MayOpenWriter => gate is not null && !held;

        public async ValueTask TakeAsync(CancellationToken cancellationToken)
        {
            if (gate is not null && !held)
            {
                await gate.WaitAsync(cancellationToken);
                (held, since) = (true, Stopwatch.GetTimestamp());
            }
        }

        public void Take()
        {
            if (gate is not null && !held)
            {
                gate.Wait();
                (held, since) = (true, Stopwatch.GetTimestamp());
            }
        }

        /// <summary>Points the (closed) connection at the writer's pool; called with the gate held, just before it opens.</summary>
        public void OpenAsWriter(SqliteConnection connection)
        {
            configured = connection.ConnectionString;
            connection.ConnectionString = SqliteWriterConnection.For(configured);
            writer = connection;
        }

        /// <summary>
        /// Gives the gate back at the save's commit or rollback, unless the save is on the writer connection: then the
        /// gate is held until that connection is closed, so that no other save opens a second one meanwhile.
        /// </summary>
        public void Release()
        {
            if (writer is null)
            {
                ReleaseNow();
            }
        }

        /// <summary>The writer connection closed (or failed to open): back to the configured pool, and the gate given back.</summary>
        public void WriterClosed(DbConnection connection)
        {
            if (ReferenceEquals(connection, writer))
            {
                Restore();
                ReleaseNow();
            }
        }

        /// <summary>The save ended: whatever is still held is given back (once), recording how long it was held.</summary>
        public void ReleaseNow()
        {
            Restore();
            if (held)
            {
                held = false;
                SerialSections.Record(SerialSections.SqliteWriter, since);
                gate!.Release();
            }
        }

        private void Restore()
        {
            if (writer is { State: ConnectionState.Closed } connection)
            {
                connection.ConnectionString = configured;
                writer = null;
            }
        }
    }
}
