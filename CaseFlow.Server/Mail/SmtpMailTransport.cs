using CaseFlow.Server.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
/// <remarks>
/// Outbox traffic is a trickle of notices, so a fresh connection per message costs little and never leaves a
/// half-dead pooled connection to fail the next send.
/// </remarks>
internal sealed class SmtpMailTransport(IOptions<CaseFlowOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        var host = string.IsNullOrWhiteSpace(smtp.Host)
            ? throw new InvalidOperationException("CaseFlow:Smtp:Host is not set.")
            : smtp.Host;
        using var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };
        await client.ConnectAsync(host, smtp.Port, ToSocketOptions(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };
}
