using System.Text.Json.Nodes;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Letters;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Queues an email in the outbox; the server's dispatcher sends it after the instance is saved.</summary>
/// <remarks>
/// Either <see cref="Subject"/> and <see cref="Body"/>, or a <see cref="Template"/> code: the server renders the current
/// version of that letter template with the case's data and the process variables in the same transaction.
/// </remarks>
[Activity("Notification", "发送邮件", "Queues an email to a complainant, handler or supervisor, written here or rendered from a letter template. Skipped (with a history note) when the address is empty, because many complainants give no email.",
    DisplayNameEn = "Send email", DescriptionZh = "向投诉人、承办人或负责人发送邮件（直接填写或使用文书模板）；地址为空时跳过并记录。")]
public sealed class SendEmail : IActivity
{
    [ActivityInput("Recipient email address; may be an expression such as complainant.email.", Required = true, DisplayNameZh = "收件人")]
    public string? To { get; set; }

    [ActivityInput("Subject line (unless a template is given).", Required = true, RequiredUnless = "template", DisplayNameZh = "主题")]
    public string? Subject { get; set; }

    [ActivityInput("Plain-text body (unless a template is given).", Required = true, RequiredUnless = "template", DisplayNameZh = "正文")]
    public string? Body { get; set; }

    [ActivityInput("Letter template code (acknowledgement, acceptance, refusal, termination-notice, police-transfer-letter, escalation, deadline-warning) used instead of subject and body.", DisplayNameZh = "文书模板")]
    public string? Template { get; set; }

    [ActivityInput("Merge values for the template as an object expression, e.g. ({ reason: refusalReason }); they win over case data and variables.", DisplayNameZh = "合并字段")]
    public JsonNode? Fields { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = string.IsNullOrWhiteSpace(Template) ? null : Template.Trim();
        if (template is null && (Subject is null || Body is null))
        {
            throw new ActivityInputException("SendEmail needs either a template or both subject and body.");
        }

        if (template is not null && !ShippedLetterTemplates.Codes.Contains(template, StringComparer.Ordinal))
        {
            throw new ActivityInputException($"There is no letter template '{template}'; the codes are {string.Join(", ", ShippedLetterTemplates.Codes)}.");
        }

        if (Fields is not null and not JsonObject)
        {
            throw new ActivityInputException("The input 'fields' must be an object of merge values, e.g. ({ reason: refusalReason }).");
        }

        var to = To?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            // Complainants often give only a phone number; a missing address is normal, not a fault.
            context.AddNote("No email address was given, so no email was queued.");
            return;
        }

        context.AddEffect(new SendEmailEffect(context.ElementId, to, Subject ?? "", Body ?? "", context.IdempotencyKey)
        {
            Template = template,
            TemplateFields = (JsonObject?)Fields?.DeepClone(),
            Variables = template is null ? null : context.SnapshotVariables(),
        });
    }
}
