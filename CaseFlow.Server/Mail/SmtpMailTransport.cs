using CaseFlow.Server.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Sends through the configured SMTP server with MailKit: a single message on a connection of its own, a batch
/// over a few connections held for the batch.</summary>
/// <remarks>
/// A batch (the outbox dispatcher's claims, up to hundreds when mail piles up) is split over
/// <see cref="ConnectionsPerBatch"/> connections sending side by side, each message one MAIL/RCPT/DATA exchange; a
/// connection that fails is dropped and the next message opens a fresh one, so a half-dead connection never fails more
/// than the message it broke on. Nothing is pooled across batches.
/// </remarks>
internal sealed class SmtpMailTransport(IOptions<CaseFlowOptions> options) : IMailTransport
{
    /// <summary>Connections per batch: enough to overlap the server's round trips, few enough for any relay's limits.</summary>
    internal const int ConnectionsPerBatch = 4;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = await ConnectAsync(cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public async Task<Exception?[]> SendAllAsync(IReadOnlyList<MimeMessage> messages, long startBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new Exception?[messages.Count];
        var lanes = Math.Min(ConnectionsPerBatch, messages.Count);
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(lane => SendLaneAsync(messages, lane, lanes, outcomes, startBy, cancellationToken)));
        return outcomes;
    }

    /// <summary>Messages lane, lane + lanes, ... over one connection, opened when first needed and again after a failure.</summary>
    private async Task SendLaneAsync(IReadOnlyList<MimeMessage> messages, int lane, int lanes, Exception?[] outcomes, long startBy, CancellationToken cancellationToken)
    {
        SmtpClient? client = null;
        try
        {
            for (var i = lane; i < messages.Count; i += lanes)
            {
                var message = messages[i];
                outcomes[i] = await MailBatch.SendOneAsync(
                    async () =>
                    {
                        client ??= await ConnectAsync(cancellationToken);
                        await client.SendAsync(message, cancellationToken);
                    },
                    startBy,
                    cancellationToken);
                if (outcomes[i] is not null && client is not null)
                {
                    // After a failure the session's state is unknown (a rejected recipient, a broken connection): start afresh.
                    client.Dispose();
                    client = null;
                }
            }

            await QuitAsync(client, cancellationToken);
        }
        finally
        {
            client?.Dispose();
        }
    }

    /// <summary>Ends a session whose messages are all sent; a failed QUIT changes nothing for them, so it is not an outcome.</summary>
    private static async Task QuitAsync(SmtpClient? client, CancellationToken cancellationToken)
    {
        try
        {
            if (client is not null)
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server accepted every message before QUIT; the connection is disposed by the caller either way.
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var host = string.IsNullOrWhiteSpace(smtp.Host)
            ? throw new InvalidOperationException("CaseFlow:Smtp:Host is not set.")
            : smtp.Host;
        var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(host, smtp.Port, ToSocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    internal static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
