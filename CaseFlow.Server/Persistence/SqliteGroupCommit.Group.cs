using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Server.Persistence;

internal sealed partial class SqliteGroupCommit
{
    /// <summary>
    /// One group: the file's write gate, the writer connection and one transaction, shared by the saves that join it
    /// until it commits.
    /// </summary>
    private sealed class Group
    {
        private const string SavepointName = "caseflow_save";

        private readonly SqliteGroupCommit owner;
        private readonly AsyncServiceScope scope;
        private readonly CaseFlowDbContext opener;
        private readonly IDbContextTransaction transaction;
        private readonly SemaphoreSlim gate;
        private readonly long since;
        private readonly TaskCompletionSource<Exception?> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Group(SqliteGroupCommit owner, AsyncServiceScope scope, CaseFlowDbContext opener, IDbContextTransaction transaction, SemaphoreSlim gate, long since)
        {
            (this.owner, this.scope, this.opener, this.transaction, this.gate, this.since) = (owner, scope, opener, transaction, gate, since);
            Transaction = (SqliteTransaction)transaction.GetDbTransaction();
        }

        public SqliteTransaction Transaction { get; }

        /// <summary>How many saves have had their turn in this group.</summary>
        public int Saves { get; set; }

        /// <summary>A save's failure took the transaction with it (SQLite rolled it back): the group commits nothing.</summary>
        public bool Doomed { get; private set; }

        /// <summary>Null once the group has committed; the error that stopped its commit otherwise.</summary>
        public Task<Exception?> Outcome => outcome.Task;

        /// <summary>
        /// Takes the file's write gate, opens the writer connection and begins the group's transaction. A context of its
        /// own opens the connection, so that EF Core sets it up as for any save (its SQL functions, the connection's
        /// pragmas), and the saves' contexts use it without owning it.
        /// </summary>
        public static async Task<Group> BeginAsync(SqliteGroupCommit owner, string configured, SemaphoreSlim gate)
        {
            await gate.WaitAsync(CancellationToken.None);
            var since = Stopwatch.GetTimestamp();
            var scope = owner.scopes.CreateAsyncScope();
            try
            {
                var opener = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
                opener.Database.SetDbConnection(new SqliteConnection(SqliteWriterConnection.For(configured)), contextOwnsConnection: true);
                var transaction = await opener.Database.BeginTransactionAsync(CancellationToken.None);
                return new Group(owner, scope, opener, transaction, gate, since);
            }
            catch
            {
                await scope.DisposeAsync();
                gate.Release();
                throw;
            }
        }

        /// <summary>Runs one save on the group's connection and transaction, inside a savepoint of its own.</summary>
        public async Task<int> RunAsync(DbContext db, Member member, Func<bool, CancellationToken, Task<int>> save, CancellationToken cancellationToken)
        {
            var configured = db.Database.GetConnectionString();
            await Transaction.SaveAsync(SavepointName, cancellationToken);
            db.Database.SetDbConnection(Transaction.Connection, contextOwnsConnection: false);
            Members.AddOrUpdate(db, member);
            try
            {
                await db.Database.UseTransactionAsync(Transaction, cancellationToken);
                var written = await save(false, cancellationToken);
                await Transaction.ReleaseAsync(SavepointName, CancellationToken.None);
                return written;
            }
            catch
            {
                await RollBackToSavepointAsync();
                throw;
            }
            finally
            {
                Members.Remove(db);
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
                db.Database.SetDbConnection(null);
                db.Database.SetConnectionString(configured);
            }
        }

        /// <summary>Commits (or, when doomed, rolls back) the group, gives the gate back, and tells every save how it ended.</summary>
        public async Task CommitAsync()
        {
            Exception? failure = null;
            var committing = Stopwatch.GetTimestamp();
            try
            {
                if (Doomed)
                {
                    throw new InvalidOperationException("A save of the group failed in a way that rolled back the group's transaction.");
                }

                if (owner.CommitFaultForTests?.Invoke() is { } fault)
                {
                    throw fault;
                }

                await transaction.CommitAsync(CancellationToken.None);
                SerialSections.Record(SerialSections.SqliteGroupCommit, committing);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                failure = e;
            }
            finally
            {
                // Whatever the clean-up meets, the gate is given back and every save of the group hears how it ended.
                try
                {
                    await CloseAsync();
                }
                finally
                {
                    SerialSections.Record(SerialSections.SqliteGroup, since);
                    owner.Counted(Saves);
                    gate.Release();
                    outcome.SetResult(failure);
                }
            }
        }

        /// <summary>Ends the transaction (rolling back whatever did not commit) and hands the connection back to its pool.</summary>
        private async Task CloseAsync()
        {
            try
            {
                await transaction.DisposeAsync();
                await opener.Database.CloseConnectionAsync();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                owner.logger.LogWarning(e, "Closing a group's connection failed; its outcome stands");
            }
            finally
            {
                await scope.DisposeAsync();
            }
        }

        private async Task RollBackToSavepointAsync()
        {
            try
            {
                await Transaction.RollbackAsync(SavepointName, CancellationToken.None);
                await Transaction.ReleaseAsync(SavepointName, CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                Doomed = true; // SQLite ended the transaction (an I/O error, a full disk): the whole group fails and runs again alone
            }
        }
    }
}
