using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CaseFlow.Server.Tests.Fixtures;

/// <summary>Proves the SMTP fixture: a real SMTP client can deliver to it, and it survives a restart.</summary>
public sealed class SmtpServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Messages_ContainSentMessage_WhenSentWithMailKit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);

        await SendAsync(smtp, "投诉已受理 TS-2026-0001", "您的投诉已于2026年4月30日受理。", ct);

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, Timeout, ct));
        Assert.Equal("投诉已受理 TS-2026-0001", message.Subject);
        Assert.Equal("您的投诉已于2026年4月30日受理。", message.TextBody?.Trim());
        Assert.Equal("complainant@example.cn", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("complainant@example.cn", message.Headers["X-RcptTo"]);
    }

    [Fact]
    public async Task StartAsync_ServesSamePortAndKeepsMessages_AfterStop()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpServer.StartNewAsync(ct);
        var port = smtp.Port;
        await SendAsync(smtp, "first", "before the outage", ct);
        await smtp.WaitForMessagesAsync(1, Timeout, ct);

        await smtp.StopAsync();
        Assert.False(smtp.IsRunning);
        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(smtp, "lost", "during the outage", ct));

        await smtp.StartAsync(ct);
        await SendAsync(smtp, "second", "after the outage", ct);

        Assert.Equal(port, smtp.Port);
        var messages = await smtp.WaitForMessagesAsync(2, Timeout, ct);
        Assert.Equal(["first", "second"], messages.Select(m => m.Subject));
    }

    private static async Task SendAsync(SmtpServer smtp, string subject, string body, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("CaseFlow", "noreply@caseflow.example.cn"));
        message.To.Add(new MailboxAddress("投诉人", "complainant@example.cn"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
