using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>
/// Records a person's decision on a report proposed as a duplicate of an earlier one (O121 Art. 35(2)): merged into it,
/// linked to it, or not a duplicate. The server keeps, turns into a link or drops the case's reference to the first report
/// and writes the decision on both timelines. The proposal itself (at intake) decides nothing.
/// </summary>
[Activity("Case", "记录重复举报判断", "Records whether a report proposed as a duplicate was merged into the first report, linked to it, or is not a duplicate (Merged, Linked, Rejected).",
    DisplayNameEn = "Record duplicate decision", DescriptionZh = "记录受理人员对疑似重复举报的判断：合并至首次举报、关联处理或不属于重复举报。")]
public sealed class RecordDuplicateDecision : IActivity
{
    [ActivityInput("Merged, Linked or Rejected.", Required = true, DisplayNameZh = "判断")]
    public DuplicateDecision Decision { get; set; }

    [ActivityInput("A note for the record (no personal data).", DisplayNameZh = "说明")]
    public string? Note { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddEffect(new DuplicateDecisionEffect(context.ElementId, Decision, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim()));
    }
}
