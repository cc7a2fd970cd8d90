using System.Collections.Concurrent;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using CaseFlow.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Case numbers without one shared counter on the write path: each node reserves a block of numbers from the named
/// counter with one atomic statement committed on its own, and hands them out from memory. Numbers are unique across
/// threads and nodes and increasing per node; they are not gapless (see remarks).
/// </summary>
/// <remarks>
/// <para>Until issue 23 every intake took its number with its own statement on the counter row: on PostgreSQL a row lock
/// and a commit (a WAL flush) per intake, one at a time across the cluster; on SQLite a second pass through the write
/// gate. Now the counter row is touched once per <see cref="BlockSize"/> intakes per node, and not by an intake: the next
/// block is reserved in the background while the one in use runs down.</para>
/// <para>Gaps: numbers not handed out when a node stops (the rest of the block in use, and the block reserved ahead of
/// need) are never used; a case whose save fails leaves its number unused (as before); with several nodes, numbers are
/// increasing per node, so node A may register TS2026-000101 after node B registered TS2026-000201. The law asks for unique numbers, which the counter and the unique index on
/// <c>Cases.Number</c> give. Inside a caller's transaction (rare) one number is taken in that transaction, as before, so a
/// rollback cannot hand out a number twice.</para>
/// </remarks>
internal static class CaseNumberCounter
{
    /// <summary>Numbers reserved per statement on the counter row.</summary>
    public const int BlockSize = 100;

    // An upsert with RETURNING: SQLite 3.35+ and PostgreSQL both run it as written (quoted identifiers, @ parameters).
    private const string ReserveSql = """
        INSERT INTO "Counters" ("Name", "Value") VALUES (@name, @count)
        ON CONFLICT ("Name") DO UPDATE SET "Value" = "Counters"."Value" + @count
        RETURNING "Value"
        """;

    // Blocks of contexts built without the server's services (tools); the server's live in its CaseNumberBlocks singleton.
    private static readonly CaseNumberBlocks Unowned = new();

    public static async Task<long> NextAsync(CaseFlowDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            return await ReserveAsync(db, name, 1, cancellationToken);
        }

        var blocks = BlocksOf(db);
        var block = blocks.For($"{db.Database.GetDbConnection().ConnectionString}\n{name}");
        await block.Lock.WaitAsync(cancellationToken);
        try
        {
            if (block.Next > block.Last)
            {
                var last = await NextBlockAsync(db, name, block, cancellationToken);
                (block.Next, block.Last) = (last - BlockSize + 1, last);
            }

            // The next block is reserved as soon as one is taken into use, so a whole block's worth of intakes passes before
            // it is needed. Half a block was not enough on SQLite at saturation: the reservation queues at the file's write
            // gate behind every save in flight (64 at 2-3 ms each), and 89 of 90 block changes waited for it (59 ms at p50).
            if (block.Refill is null)
            {
                block.Refill = blocks.ReserveInBackground(name);
            }

            return block.Next++;
        }
        finally
        {
            block.Lock.Release();
        }
    }

    /// <summary>
    /// The last number of the next block: the one reserved in the background (the usual case: done long before, so the
    /// intake holds no serial section; when it is still under way the intake waits for it, and that wait is recorded), else
    /// reserved now by this intake (the node's first block, a host without a container, or a background reservation that failed).
    /// </summary>
    private static async Task<long> NextBlockAsync(CaseFlowDbContext db, string name, Block block, CancellationToken cancellationToken)
    {
        if (block.Refill is { } refill)
        {
            block.Refill = null;
            var since = Stopwatch.GetTimestamp();
            var waited = !refill.IsCompleted;
            try
            {
                return await refill.WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The background reservation failed (the database was away for a moment): this intake reserves, as before.
            }
            finally
            {
                if (waited)
                {
                    SerialSections.Record(SerialSections.CaseNumberBlockAwaited, since);
                }
            }
        }

        return await ReserveAsync(db, name, BlockSize, cancellationToken);
    }

    /// <summary>
    /// The blocks of the server this context belongs to (a singleton of its container, so a server started again in the
    /// same process on a recreated database does not reuse an old block; tests run several servers in one process).
    /// </summary>
    private static CaseNumberBlocks BlocksOf(CaseFlowDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<CaseNumberBlocks>() ?? Unowned;

    /// <summary>Adds <paramref name="count"/> to the counter and returns its new value (the last number reserved).</summary>
    private static async Task<long> ReserveAsync(CaseFlowDbContext db, string name, int count, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReserveSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "@name", name);
            Add(command, "@count", count);

            // On its own on SQLite the statement is a write transaction: it queues at the file's write gate like a save.
            var gate = command.Transaction is null && db.Database.IsSqlite() ? SqliteWriteGate.For(connection) : null;
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
            }

            var since = Stopwatch.GetTimestamp();
            try
            {
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            finally
            {
                SerialSections.Record(SerialSections.CaseNumberBlock, since);
                gate?.Release();
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>This server's reserved blocks of case numbers, per database and counter (a singleton).</summary>
    /// <remarks>Built by the container with its scope factory, it reserves the next block in a scope of its own; built
    /// without one (tools), it leaves each intake to reserve when its block runs out.</remarks>
    internal sealed class CaseNumberBlocks(IServiceScopeFactory? scopes = null)
    {
        private readonly ConcurrentDictionary<string, Block> blocks = new(StringComparer.Ordinal);

        public Block For(string key) => blocks.GetOrAdd(key, _ => new Block());

        /// <summary>Reserves the next block of <paramref name="name"/> on its own connection, off the intake's path; null without a container.</summary>
        public Task<long>? ReserveInBackground(string name)
        {
            if (scopes is null)
            {
                return null;
            }

            return Task.Run(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
                return await ReserveAsync(db, name, BlockSize, CancellationToken.None);
            });
        }
    }

    internal sealed class Block
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public long Next { get; set; } = 1;

        public long Last { get; set; }

        /// <summary>The next block's reservation, under way or done, while the block in use runs down.</summary>
        public Task<long>? Refill { get; set; }
    }
}
