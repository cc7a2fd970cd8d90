using System.Diagnostics;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Hands finished messages to the outside world: an SMTP server or a pickup directory.</summary>
/// <remarks>
/// Called at least once per outbox row, possibly more after a crash between sending and recording it; the
/// message keeps one Message-Id across attempts so the receiving side can recognise a resend.
/// </remarks>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a batch; each message's outcome, in order, is null when it was sent, the error when it was not, or
    /// <see cref="MailBatch.NotAttempted"/> when <paramref name="startBy"/> (a <see cref="Stopwatch"/> timestamp) passed
    /// before it was started, so its claim can be released unsent. One message's failure does not stop the others.
    /// </summary>
    async Task<Exception?[]> SendAllAsync(IReadOnlyList<MimeMessage> messages, long startBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            outcomes[i] = await MailBatch.SendOneAsync(() => SendAsync(messages[i], cancellationToken), startBy, cancellationToken);
        }

        return outcomes;
    }
}
