using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Sends outbox emails: claims due rows, sends them, records the outcome, retries with backoff.</summary>
/// <remarks>
/// <para>A row is claimed by one conditional UPDATE that only succeeds while nobody holds an unexpired lock,
/// so two nodes (or two dispatchers in one process) never send the same row at the same time. A node that
/// dies holding a claim loses it when the lock expires, and the row is sent again with the same Message-Id.</para>
/// <para>After <see cref="OutboxOptions.MaxAttempts"/> failures the row is <see cref="OutboxState.Failed"/>; an
/// operator sees it in the admin API and can retry it.</para>
/// </remarks>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<CaseFlowOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private const int MaxErrorLength = 1000;

    /// <summary>Identifies this dispatcher in <see cref="StoredOutboxMessage.LockedBy"/>.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// On SQLite there is exactly one node, so every lock found at start-up was held by an earlier run of this
    /// node that crashed mid-send; releasing them sends those emails now instead of after the lock expires.
    /// </summary>
    private async Task ReleaseLocksOfEarlierRunsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var released = await db.OutboxMessages.Where(m => m.State == OutboxState.Pending && m.LockedBy != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (released > 0)
        {
            logger.LogWarning("Released {Count} outbox messages claimed by a run that ended without finishing them", released);
        }
    }

    /// <summary>Sends one batch of due messages; returns how many this dispatcher claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var claimed = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(db, id, cancellationToken))
            {
                claimed++;
                await DeliverAsync(db, id, cancellationToken);
            }
        }

        return claimed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.Outbox.PollIntervalSeconds);
        await ReleaseLocksOfEarlierRunsAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop mail for good; the next poll tries again.
                logger.LogError(ex, "Outbox dispatch pass failed");
            }

            // A full batch may mean more is due: go again at once instead of waiting.
            if (claimed < BatchSize)
            {
                await signal.WaitAsync(poll, clock, stoppingToken);
            }
        }
    }

    private async Task<bool> TryClaimAsync(CaseFlowDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.Outbox.LockSeconds);
        var affected = await db.OutboxMessages
            .Where(m => m.Id == id && m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(m => m.LockedBy, NodeId).SetProperty(m => m.LockedUntil, until),
                cancellationToken);
        return affected == 1;
    }

    private async Task DeliverAsync(CaseFlowDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var settings = options.Value;
        var attempts = row.Attempts + 1;
        string? error;
        var permanent = false;
        try
        {
            var message = OutboxMimeMessage.Build(row, settings.Smtp.From);
            await transport.SendAsync(message, cancellationToken);
            error = null;
        }
        catch (ParseException ex)
        {
            // An address that does not parse will not parse next time either.
            error = ex.Message;
            permanent = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var now = clock.GetUtcNow();
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == NodeId);
        int affected;
        if (error is null)
        {
            affected = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
            logger.LogInformation("Outbox message {OutboxId} sent on attempt {Attempt}", id, attempts);
        }
        else
        {
            var failed = permanent || attempts >= settings.Outbox.MaxAttempts;
            var next = now + OutboxBackoff.Delay(attempts, settings.Outbox);
            var text = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
            affected = await mine.ExecuteUpdateAsync(
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
                logger.LogError("Outbox message {OutboxId} failed for good after {Attempts} attempts", id, attempts);
            }
            else
            {
                logger.LogWarning("Outbox message {OutboxId} attempt {Attempt} failed; next attempt at {NextAttemptAt}", id, attempts, next);
            }
        }

        if (affected == 0)
        {
            logger.LogWarning("Outbox message {OutboxId} lost its claim before the outcome was recorded", id);
        }
    }
}
