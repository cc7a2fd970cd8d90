using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Queues an email in the outbox; the server's dispatcher sends it after the instance is saved.</summary>
[Activity("Notification", "发送邮件", "Queues an email to a complainant, handler or supervisor. Skipped (with a history note) when the address is empty, because many complainants give no email.",
    DisplayNameEn = "Send email", DescriptionZh = "向投诉人、承办人或负责人发送邮件；地址为空时跳过并记录。")]
public sealed class SendEmail : IActivity
{
    [ActivityInput("Recipient email address; may be an expression such as complainant.email.", Required = true, DisplayNameZh = "收件人")]
    public string? To { get; set; }

    [ActivityInput("Subject line.", Required = true, DisplayNameZh = "主题")]
    public string? Subject { get; set; }

    [ActivityInput("Plain-text body.", Required = true, DisplayNameZh = "正文")]
    public string? Body { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var to = To?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            // Complainants often give only a phone number; a missing address is normal, not a fault.
            context.AddNote("No email address was given, so no email was queued.");
            return;
        }

        context.AddEffect(new SendEmailEffect(context.ElementId, to, Subject ?? "", Body ?? "", context.IdempotencyKey));
    }
}
