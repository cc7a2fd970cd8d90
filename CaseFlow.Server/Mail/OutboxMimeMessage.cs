using System.Text;
using CaseFlow.Server.Persistence.Entities;
using MimeKit;
using MimeKit.Text;

namespace CaseFlow.Server.Mail;

/// <summary>Turns an outbox row into the MIME message every attempt sends.</summary>
internal static class OutboxMimeMessage
{
    /// <exception cref="ParseException">The sender or a recipient is not a valid address.</exception>
    public static MimeMessage Build(StoredOutboxMessage row, string from)
    {
        ArgumentNullException.ThrowIfNull(row);
        var message = new MimeMessage
        {
            // The row's id, not a fresh one, so a resend after a crash is recognisably the same message.
            MessageId = row.MessageId,
            Date = row.CreatedAt,
            Subject = row.Subject,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(InternetAddressList.Parse(row.To));
        var body = new TextPart(TextFormat.Plain);

        // Bodies are Chinese; say UTF-8 explicitly rather than leave the charset to the default.
        body.SetText(Encoding.UTF8, row.Body);
        message.Body = body;
        return message;
    }
}
