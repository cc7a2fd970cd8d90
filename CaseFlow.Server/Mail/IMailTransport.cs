using MimeKit;

namespace CaseFlow.Server.Mail;

/// <summary>Hands one finished message to the outside world: an SMTP server or a pickup directory.</summary>
/// <remarks>
/// Called at least once per outbox row, possibly more after a crash between sending and recording it; the
/// message keeps one Message-Id across attempts so the receiving side can recognise a resend.
/// </remarks>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
