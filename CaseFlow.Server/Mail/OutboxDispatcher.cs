using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Mail;

/// <summary>Sends outbox emails: claims due rows in batches, sends them, records the outcomes, retries with backoff.</summary>
/// <remarks>
/// <para>A batch is claimed by one conditional UPDATE that only takes rows nobody holds an unexpired lock on, so two
/// nodes (or two dispatchers in one process) never send the same row at the same time; the outcomes of a batch are
/// recorded in one transaction (OutboxDispatcher.Batch.cs). A node that dies holding a claim loses it when the lock
/// expires, and its rows are sent again with the same Message-Ids. Until issue 23 each row took a claim transaction and
/// an outcome transaction of its own and a fresh SMTP connection: about 60 emails a second.</para>
/// <para>After <see cref="OutboxOptions.MaxAttempts"/> failures the row is <see cref="OutboxState.Failed"/>; an
/// operator sees it in the admin API and can retry it.</para>
/// </remarks>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<CaseFlowOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Messages claimed by one statement and sent in one pass (at 500 emails a second, under half a second's work).</summary>
    internal const int BatchSize = 200;

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

    /// <summary>Claims one batch of due messages, sends them and records the outcomes; returns how many this dispatcher claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count > 0)
        {
            await DeliverAsync(db, claimed, cancellationToken);
        }

        return claimed.Count;
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
}
