using System.Threading.Channels;

namespace CaseFlow.Server.Security;

/// <summary>Wakes the <see cref="AuditSequencer"/> when a save wrote audit entries; signals coalesce into one pass.</summary>
public sealed class AuditLinkSignal
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Call after a save wrote audit entries.</summary>
    public void EntriesWritten() => wake.Writer.TryWrite(true);

    /// <summary>Waits until signalled or until <paramref name="timeout"/> passes (real time: the sequencer is plumbing, not business time).</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await wake.Reader.WaitToReadAsync(linked.Token);
            wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a signal.
        }
    }
}
