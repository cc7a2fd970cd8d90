using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using CaseFlow.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Persistence;

/// <summary>
/// SQLite group commit: a save that arrives while another is writing joins that one's transaction, inside a savepoint of
/// its own, and one commit makes the whole group durable (issue 23, item 2).
/// </summary>
/// <remarks>
/// <para>
/// How: saves queue for their turn on the file's writer (FIFO). The first of a group takes the file's
/// <see cref="SqliteWriteGate"/>, opens the writer connection (<see cref="SqliteWriterConnection"/>) and begins the
/// group's transaction. Each save then runs on that connection and transaction, between <c>SAVEPOINT</c> and
/// <c>RELEASE</c>; when it is done and a backlog waits (two saves or more), the turn passes to the next and the
/// transaction stays open; otherwise (or when the group is full) the last save commits, gives the gate back, and every
/// save of the group returns. So under load one commit serves many saves (and, with <c>synchronous=FULL</c>, one flush
/// to the disk), and without a backlog a save commits at once, as before.
/// </para>
/// <para>
/// What each save keeps: its changes are all or nothing (its savepoint); it returns only once the commit that holds
/// them has happened (its caller sees exactly what is durable); a save that fails rolls back to its savepoint, and the
/// others go on. A save's failure is reported after its group's commit, so that whoever handles it (a lost race, a
/// duplicate request) reads the rows of the saves that won. If the commit itself fails, no save of the group is in the
/// file, and each one runs again on its own, exactly as it would have without the group; its change tracker still
/// holds everything (the group saves without accepting changes until the commit).
/// </para>
/// <para>
/// What joins: asynchronous saves on SQLite outside a caller's transaction, on a connection nobody holds open. Saves
/// inside a caller's transaction (the audit sequencer, assignments, the outbox's claims) and synchronous saves keep the
/// ordinary path, which takes the same gate, so they and the groups never overlap.
/// </para>
/// <para>
/// Registered as an (otherwise empty) EF Core interceptor so that a context finds it in its own options
/// (<see cref="For"/>), whichever scope or test made the context.
/// </para>
/// </remarks>
internal sealed partial class SqliteGroupCommit(IOptions<CaseFlowOptions> options, IServiceScopeFactory scopes, ILogger<SqliteGroupCommit> logger) : IInterceptor, IDisposable
{
    private static readonly ConditionalWeakTable<DbContext, Member> Members = [];

    private readonly IServiceScopeFactory scopes = scopes;
    private readonly ILogger logger = logger;
    private long groups;
    private long groupedSaves;

    // One writer per file: tests run several servers in one process, each on its own file.
    private readonly ConcurrentDictionary<string, FileWriter> writers = new(StringComparer.Ordinal);

    /// <summary>The group commit registered on this context's options, if any.</summary>
    public static SqliteGroupCommit? For(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteGroupCommit>().FirstOrDefault();

    /// <summary>The group the save on <paramref name="db"/> is running in right now; null outside one.</summary>
    public static Member? MemberOf(DbContext db) => Members.TryGetValue(db, out var member) ? member : null;

    /// <summary>Whether this save joins a group (see remarks).</summary>
    public bool Accepts(DbContext db) =>
        options.Value.Database.GroupCommit
        && db.Database.IsSqlite()
        && db.Database.CurrentTransaction is null
        && db.Database.AutoTransactionBehavior != AutoTransactionBehavior.Never
        && db.Database.GetDbConnection().State == ConnectionState.Closed;

    /// <summary>
    /// Runs <paramref name="save"/> (the context's own save, given whether to accept its changes) in a group, and returns
    /// once the group has committed.
    /// </summary>
    public Task<int> SaveAsync(DbContext db, bool acceptAllChangesOnSuccess, Func<bool, CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var configured = db.Database.GetConnectionString()!;
        var writer = writers.GetOrAdd(configured, c => new FileWriter(this, c, SqliteWriteGate.For(db.Database.GetDbConnection())));
        return writer.SaveAsync(db, acceptAllChangesOnSuccess, save, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var writer in writers.Values)
        {
            writer.Dispose();
        }
    }

    /// <summary>Groups committed (or failed) since the start, and the saves they held.</summary>
    internal (long Groups, long Saves) Counts => (Interlocked.Read(ref groups), Interlocked.Read(ref groupedSaves));

    /// <summary>Tests only: asked at each group's commit for an error to fail it with (a disk that fills, an I/O error), or null.</summary>
    internal Func<Exception?>? CommitFaultForTests { get; set; }

    private void Counted(int saves)
    {
        Interlocked.Increment(ref groups);
        Interlocked.Add(ref groupedSaves, saves);
    }

    private int MaxSaves => Math.Clamp(options.Value.Database.GroupCommitMaxSaves, 1, 1000);

    /// <summary>One save in a group, as the save's own hooks see it.</summary>
    public sealed class Member(System.Data.Common.DbTransaction transaction)
    {
        private readonly List<Action> onGroupFailed = [];

        /// <summary>The group's transaction, which the save's commands run in.</summary>
        public System.Data.Common.DbTransaction Transaction { get; } = transaction;

        /// <summary>
        /// Something the save's hook finished as if saved, to undo when the group's commit fails and the save runs again
        /// alone (rows it took out of the change tracker go back in).
        /// </summary>
        public void OnGroupFailed(Action undo) => onGroupFailed.Add(undo);

        internal void GroupFailed()
        {
            foreach (var undo in onGroupFailed)
            {
                undo();
            }

            onGroupFailed.Clear();
        }
    }
}
