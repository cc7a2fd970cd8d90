using System.Diagnostics;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>One batch: the claim, the sends and the outcomes.</summary>
public sealed partial class OutboxDispatcher
{
    private const int MaxErrorLength = 1000;

    /// <summary>
    /// Claims up to <see cref="BatchSize"/> due rows with one UPDATE (each row only while nobody holds an unexpired lock on
    /// it) and reads back the ones this dispatcher got: those it now holds with this claim's expiry.
    /// </summary>
    private async Task<List<StoredOutboxMessage>> ClaimAsync(CaseFlowDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await Due(db, now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var until = now.AddSeconds(options.Value.Outbox.LockSeconds);
        var affected = await Due(db, now).Where(m => due.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, NodeId).SetProperty(m => m.LockedUntil, until), cancellationToken);
        if (affected == 0)
        {
            return []; // another node claimed them between the read and the update
        }

        return await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && m.LockedBy == NodeId && m.LockedUntil == until)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<StoredOutboxMessage> Due(CaseFlowDbContext db, DateTimeOffset now) =>
        db.OutboxMessages.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));

    /// <summary>
    /// Sends the claimed rows and records every outcome in one transaction. Sends stop starting once half the lock time has
    /// passed (a slow server), and those rows are released unsent, so no row is still being sent when its lock could lapse
    /// and another node take it.
    /// </summary>
    private async Task DeliverAsync(CaseFlowDbContext db, List<StoredOutboxMessage> rows, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var outcomes = new Exception?[rows.Count];
        var permanent = new bool[rows.Count];
        var messages = new List<MimeMessage>(rows.Count);
        var sendable = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                messages.Add(OutboxMimeMessage.Build(rows[i], settings.Smtp.From));
                sendable.Add(i);
            }
            catch (ParseException ex)
            {
                // An address that does not parse will not parse next time either.
                (outcomes[i], permanent[i]) = (ex, true);
            }
        }

        var startBy = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * settings.Outbox.LockSeconds / 2);
        var sent = await transport.SendAllAsync(messages, startBy, cancellationToken);
        for (var k = 0; k < sendable.Count; k++)
        {
            outcomes[sendable[k]] = sent[k];
        }

        await RecordAsync(db, rows, outcomes, permanent, cancellationToken);
    }

    private async Task RecordAsync(CaseFlowDbContext db, List<StoredOutboxMessage> rows, Exception?[] outcomes, bool[] permanent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sentIds = rows.Where((_, i) => outcomes[i] is null).Select(r => r.Id).ToList();
        var unsentIds = rows.Where((_, i) => ReferenceEquals(outcomes[i], MailBatch.NotAttempted)).Select(r => r.Id).ToList();
        var recorded = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (sentIds.Count > 0)
        {
            recorded += await db.OutboxMessages.Where(m => sentIds.Contains(m.Id) && m.LockedBy == NodeId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
        }

        if (unsentIds.Count > 0)
        {
            // Not attempted: no attempt is counted, and the rows are free for the next pass (here or on another node).
            recorded += await db.OutboxMessages.Where(m => unsentIds.Contains(m.Id) && m.LockedBy == NodeId).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is { } error && !ReferenceEquals(error, MailBatch.NotAttempted))
            {
                recorded += await RecordFailureAsync(db, rows[i], error, permanent[i], now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Outbox batch: {Sent} sent, {Failed} failed, {Released} released unsent", sentIds.Count, rows.Count - sentIds.Count - unsentIds.Count, unsentIds.Count);
        if (recorded < rows.Count)
        {
            logger.LogWarning("Outbox batch: {Lost} of {Count} messages lost their claim before the outcome was recorded", rows.Count - recorded, rows.Count);
        }
    }

    private async Task<int> RecordFailureAsync(CaseFlowDbContext db, StoredOutboxMessage row, Exception exception, bool permanent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        var error = exception is ParseException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
        var failed = permanent || attempts >= settings.Outbox.MaxAttempts;
        var next = now + OutboxBackoff.Delay(attempts, settings.Outbox);
        var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        var affected = await db.OutboxMessages.Where(m => m.Id == row.Id && m.LockedBy == NodeId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, failed ? OutboxState.Failed : OutboxState.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, text)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
            cancellationToken);

        // Ids only: the error text, which may quote an address, stays in the row for the admin API.
        if (failed)
        {
            logger.LogError("Outbox message {OutboxId} failed for good after {Attempts} attempts", row.Id, attempts);
        }
        else
        {
            logger.LogWarning("Outbox message {OutboxId} attempt {Attempt} failed; next attempt at {NextAttemptAt}", row.Id, attempts, next);
        }

        return affected;
    }
}
