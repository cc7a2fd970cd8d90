using System.Diagnostics;

namespace CaseFlow.Server.Mail;

/// <summary>The outcomes of a batch send (<see cref="IMailTransport.SendAllAsync"/>).</summary>
public static class MailBatch
{
    /// <summary>The outcome of a message not started before its batch's time ran out: release its claim, count no attempt.</summary>
    public static Exception NotAttempted { get; } = new TimeoutException("not attempted: the batch's claim was running out");

    /// <summary>
    /// Runs one send unless <paramref name="startBy"/> has passed; returns null when sent, else the error. Cancellation of
    /// the server's shutdown is not an outcome: it propagates, and the claim lapses or is released on the next start.
    /// </summary>
    public static async Task<Exception?> SendOneAsync(Func<Task> send, long startBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        if (Stopwatch.GetTimestamp() > startBy)
        {
            return NotAttempted;
        }

        try
        {
            await send();
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }
}
