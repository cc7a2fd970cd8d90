using CaseFlow.Server.Commands;
using CaseFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Mail;

/// <summary>Registers the email outbox: transport, dispatcher and the commit signal that wakes it.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>Adds outbox email. Needs <c>IOptions&lt;CaseFlowOptions&gt;</c> bound and the persistence registered.</summary>
    /// <remarks>
    /// <c>CaseFlow:Smtp:Host</c> empty selects the pickup directory, so the embedded default needs no mail server.
    /// </remarks>
    public static IHostApplicationBuilder AddCaseFlowMail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<ICommandCommitSignal>(services => services.GetRequiredService<OutboxSignal>());
        builder.Services.AddSingleton<SmtpMailTransport>();
        builder.Services.AddSingleton<PickupDirectoryMailTransport>();
        builder.Services.AddSingleton<IMailTransport>(services =>
            string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<CaseFlowOptions>>().Value.Smtp.Host)
                ? services.GetRequiredService<PickupDirectoryMailTransport>()
                : services.GetRequiredService<SmtpMailTransport>());
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
