using System.Data.Common;
using System.Diagnostics;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CaseFlow.Server.Security;

/// <summary>
/// Links committed, unlinked audit entries into the hash chain, in the order they are found committed, in batches: one
/// transaction per batch reads the chain's end, gives each entry its position, previous hash and hash, and commits.
/// </summary>
/// <remarks>
/// <para>Every node runs one; one node links at a time. On PostgreSQL the batch's transaction takes a transaction-scoped
/// advisory lock (<see cref="ChainLockKey"/>), held by the sequencer only, never by a request: a second node's sequencer
/// waits for the first's batch to commit and then links what is left. On SQLite the batch holds the file's write gate
/// (one process per file).</para>
/// <para>A crash between a request's commit and linking loses nothing: the entry is committed, unlinked, and the next
/// pass (this node after a restart, or any other node) links it. A crash in the middle of a batch rolls the whole batch
/// back (it is one transaction): the chain's end is unchanged and the entries are still unlinked. The unique chain
/// position remains the last guard against two linkers forking the chain. See docs/security.md, "The linking window".</para>
/// </remarks>
public sealed class AuditSequencer(
    IServiceScopeFactory scopes,
    AuditLinkSignal signal,
    IOptions<AuditOptions> options,
    TimeProvider clock,
    ILogger<AuditSequencer> logger) : BackgroundService
{
    /// <summary>The advisory-lock key of the audit chain on PostgreSQL ("CFAUDIT" in ASCII), taken by sequencers only.</summary>
    internal const long ChainLockKey = 0x43464155444954;

    /// <summary>Links everything committed and unlinked now; returns how many entries were linked.</summary>
    public async Task<int> LinkPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var linked = await LinkBatchAsync(cancellationToken);
            total += linked;
            if (linked < options.Value.LinkBatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var interval = TimeSpan.FromMilliseconds(settings.LinkIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LinkPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The entries stay committed and unlinked; the next pass (here or on another node) links them.
                logger.LogError(ex, "Audit sequencer pass failed; the unlinked entries are linked on a later pass");
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
                if (settings.LinkDelayMilliseconds > 0)
                {
                    await Task.Delay(settings.LinkDelayMilliseconds, stoppingToken); // let concurrent commits join the batch
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One batch in one transaction; returns how many entries it linked.</summary>
    private async Task<int> LinkBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var sqlite = db.Database.IsSqlite();
        var gate = sqlite ? SqliteWriteGate.For(db.Database.GetDbConnection()) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        var since = Stopwatch.GetTimestamp();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!sqlite)
            {
                // The comment names the waiter in pg_stat_activity: only sequencers may wait here (the two-node intake test checks).
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey}) /* audit sequencer */", cancellationToken);
            }

            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Seq == null).OrderBy(a => a.Id)
                .Take(options.Value.LinkBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return 0;
            }

            var end = await db.AuditEntries.AsNoTracking().Where(a => a.Seq != null).OrderByDescending(a => a.Seq)
                .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var (seq, hash) = (end?.Seq ?? 0, end?.Hash ?? AuditChain.Genesis);
            foreach (var entry in batch)
            {
                entry.Seq = ++seq;
                entry.PreviousHash = hash;
                entry.Hash = hash = AuditChain.Link(hash, entry);
            }

            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var pause = options.Value.TestPauseMidBatchMilliseconds;
            if (pause > 0 && batch.Count == options.Value.LinkBatchSize) // tests only: a full batch stops half-way
            {
                var half = batch.Count / 2;
                await WriteLinksAsync(connection, dbTransaction, batch[..half], cancellationToken);
                logger.LogWarning("Audit sequencer paused mid-batch for a test: {Linked} of {Count} entries linked, not committed", half, batch.Count);
                await Task.Delay(pause, cancellationToken);
                await WriteLinksAsync(connection, dbTransaction, batch[half..], cancellationToken);
            }
            else
            {
                await WriteLinksAsync(connection, dbTransaction, batch, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            SerialSections.Record(SerialSections.AuditLinkLag, clock.GetUtcNow() - batch.Min(e => e.WrittenAt));
            logger.LogDebug("Audit sequencer linked {Count} entries, up to {Seq}", batch.Count, seq);
            return batch.Count;
        }
        finally
        {
            if (gate is not null)
            {
                SerialSections.Record(SerialSections.SqliteWriterAuditSequencer, since);
                gate.Release();
            }
        }
    }

    /// <summary>PostgreSQL: one <c>UPDATE … FROM unnest(…)</c> for the batch; SQLite: one prepared statement per entry.</summary>
    private static async Task WriteLinksAsync(DbConnection connection, DbTransaction transaction, List<StoredAuditEntry> entries, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE "AuditEntries" AS a SET "Seq" = v.seq, "PreviousHash" = v.previous, "Hash" = v.hash
                FROM unnest(@ids, @seqs, @previous, @hashes) AS v(id, seq, previous, hash)
                WHERE a."Id" = v.id
                """;
            update.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.Id)] });
            update.Parameters.Add(new NpgsqlParameter<long[]>("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.Seq!.Value)] });
            update.Parameters.Add(new NpgsqlParameter<string[]>("previous", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.PreviousHash!)] });
            update.Parameters.Add(new NpgsqlParameter<string[]>("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Hash!)] });
            await update.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """UPDATE "AuditEntries" SET "Seq" = @seq, "PreviousHash" = @previous, "Hash" = @hash WHERE "Id" = @id""";
        var id = Add(command, "@id");
        var seqParameter = Add(command, "@seq");
        var previous = Add(command, "@previous");
        var hash = Add(command, "@hash");
        foreach (var entry in entries)
        {
            id.Value = entry.Id;
            seqParameter.Value = entry.Seq!.Value;
            previous.Value = entry.PreviousHash!;
            hash.Value = entry.Hash!;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
