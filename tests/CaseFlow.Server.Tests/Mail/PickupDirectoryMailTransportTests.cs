using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CaseFlow.Server.Tests.Mail;

public sealed class PickupDirectoryMailTransportTests
{
    [Fact]
    public async Task DispatchDueAsync_WritesEmlReadableByMimeKit_WhenSmtpHostIsEmpty()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = await OutboxHost.CreateAsync(smtpHost: null, smtpPort: 25, maxAttempts: 3, ct);
        var row = await host.AddMessageAsync("投诉已转办至第一监管所", "您好：\n您的投诉已转交第一监管所处理，请耐心等待。", ct);

        Assert.Equal(1, await host.Dispatcher.DispatchDueAsync(ct));

        var outbox = Path.Combine(host.DataDirectory, "outbox");
        var file = Assert.Single(Directory.GetFiles(outbox));
        Assert.Equal(row.MessageId + ".eml", Path.GetFileName(file));
        var message = await MimeMessage.LoadAsync(file, ct);
        Assert.Equal("投诉已转办至第一监管所", message.Subject);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("您好：\n您的投诉已转交第一监管所处理，请耐心等待。", message.TextBody?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd());
        Assert.Equal("utf-8", Assert.IsType<TextPart>(message.Body).ContentType.Charset, ignoreCase: true);
        Assert.Equal(OutboxState.Sent, (await host.ReloadAsync(row.Id, ct)).State);
    }

    [Fact]
    public async Task SendAsync_KeepsExistingFile_WhenMessageWasAlreadyDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = await OutboxHost.CreateAsync(smtpHost: null, smtpPort: 25, maxAttempts: 3, ct);
        var transport = host.Services.GetRequiredService<IMailTransport>();
        Assert.IsType<PickupDirectoryMailTransport>(transport);
        var message = new MimeMessage { MessageId = "resend-1@caseflow", Subject = "第一次" };
        message.From.Add(MailboxAddress.Parse("noreply@caseflow.test"));
        message.To.Add(MailboxAddress.Parse("a@example.cn"));
        message.Body = new TextPart("plain") { Text = "first" };
        await transport.SendAsync(message, ct);
        message.Subject = "第二次";

        await transport.SendAsync(message, ct);

        var outbox = Path.Combine(host.DataDirectory, "outbox");
        var file = Assert.Single(Directory.GetFiles(outbox));
        Assert.Equal("第一次", (await MimeMessage.LoadAsync(file, ct)).Subject);
    }
}
