using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Persistence;

internal sealed partial class SqliteGroupCommit
{
    /// <summary>The saves of one SQLite file: their turns on its writer, and the group their turn is in.</summary>
    private sealed class FileWriter(SqliteGroupCommit owner, string configured, SemaphoreSlim gate) : IDisposable
    {
        // Whose turn it is to write on the group's connection: one save at a time, first come first served.
        private readonly SemaphoreSlim turn = new(1, 1);

        // Saves waiting for their turn: when there are some, the save that ends its turn leaves the group open for them.
        private int waiting;

        // The group open right now; only the save whose turn it is reads or changes it.
        private Group? open;

        public void Dispose() => turn.Dispose();

        public async Task<int> SaveAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save, CancellationToken cancellationToken)
        {
            var group = await TakeTurnAsync();
            var member = new Member(group.Transaction);
            var since = Stopwatch.GetTimestamp();
            ExceptionDispatchInfo? failure = null;
            var written = 0;
            try
            {
                written = await group.RunAsync(db, member, save, cancellationToken);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                SerialSections.Record(SerialSections.SqliteWriter, since);
                await EndTurnAsync(group);
            }

            var commitFailure = await group.Outcome;
            if (commitFailure is null)
            {
                failure?.Throw();
                if (acceptAllChangesOnSuccess)
                {
                    db.ChangeTracker.AcceptAllChanges();
                }

                return written;
            }

            // Nothing of the group is in the file: this save runs again alone, from what its change tracker still holds.
            member.GroupFailed();
            owner.logger.LogWarning(commitFailure, "A group of {Saves} saves failed to commit; each is saved again on its own", group.Saves);
            return await save(acceptAllChangesOnSuccess, cancellationToken);
        }

        /// <summary>Waits for this save's turn, and begins a group if none is open.</summary>
        /// <remarks>
        /// Not cancellable: a save that ended its turn may have left the group open for this one, and the group commits
        /// only when the last save it let in has had its turn. The wait is bounded by the saves ahead, each of which is.
        /// </remarks>
        private async Task<Group> TakeTurnAsync()
        {
            Interlocked.Increment(ref waiting);
            await turn.WaitAsync(CancellationToken.None);
            Interlocked.Decrement(ref waiting);
            if (open is null)
            {
                try
                {
                    open = await Group.BeginAsync(owner, configured, gate);
                }
                catch
                {
                    turn.Release();
                    throw;
                }
            }

            return open;
        }

        /// <summary>Passes the turn on inside the group when a save is waiting and there is room; otherwise commits the group.</summary>
        private async Task EndTurnAsync(Group group)
        {
            group.Saves++;
            if (!group.Doomed && group.Saves < owner.MaxSaves && Volatile.Read(ref waiting) > 0)
            {
                turn.Release();
                return;
            }

            open = null;
            try
            {
                await group.CommitAsync();
            }
            finally
            {
                turn.Release();
            }
        }
    }
}
