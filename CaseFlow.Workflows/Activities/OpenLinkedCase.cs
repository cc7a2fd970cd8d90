using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Opens a new case linked to this one, e.g. a report for a violation clue found in mediation (O121 Art. 27).</summary>
/// <remarks>The new case has its own number, its own process and its own clock; it is created in the same transaction.</remarks>
[Activity("Case", "开立关联案件", "Opens a new complaint or report linked to this case and starts its process, with its own deadlines.",
    DisplayNameEn = "Open linked case", DescriptionZh = "开立与本案关联的新投诉或举报并启动其流程，期限单独计算。")]
public sealed class OpenLinkedCase : IActivity
{
    [ActivityInput("complaint or report.", Required = true, DisplayNameZh = "类型")]
    public string? Kind { get; set; }

    [ActivityInput("The new case's subject.", Required = true, DisplayNameZh = "事项")]
    public string? Subject { get; set; }

    [ActivityInput("The facts of the new case.", Required = true, DisplayNameZh = "事实")]
    public string? Description { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = Kind?.Trim();
        if (kind is not ("complaint" or "report"))
        {
            throw new InvalidOperationException($"The linked case's kind '{kind}' is not complaint or report.");
        }

        if (string.IsNullOrWhiteSpace(Subject) || string.IsNullOrWhiteSpace(Description))
        {
            throw new InvalidOperationException("The linked case needs a subject and a description of the facts.");
        }

        context.AddEffect(new OpenLinkedCaseEffect(context.ElementId, kind, Subject.Trim(), Description.Trim(), context.IdempotencyKey));
    }
}
