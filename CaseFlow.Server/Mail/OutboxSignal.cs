using System.Threading.Channels;
using CaseFlow.Server.Commands;

namespace CaseFlow.Server.Mail;

/// <summary>Wakes the outbox dispatcher when a committed command queued email, so mail leaves without waiting for the next poll.</summary>
/// <remarks>
/// Signals coalesce: many commits before the dispatcher wakes cause one pass, which sends everything due.
/// A lost signal costs at most one poll interval, because the dispatcher polls anyway.
/// </remarks>
public sealed class OutboxSignal : ICommandCommitSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });

    /// <summary>Call after committing outbox rows.</summary>
    public void EmailsQueued() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until signalled or until <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    internal async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.Reader.WaitToReadAsync(linked.Token);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal.
        }
    }
}
