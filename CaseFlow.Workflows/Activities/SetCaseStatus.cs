using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Moves the case to a new status; the server refuses transitions the case rules do not allow.</summary>
[Activity("Case", "设置案件状态", "Moves the case to a new status (e.g. Accepted, Assigned, Closed) and records why.",
    DisplayNameEn = "Set case status", DescriptionZh = "将案件设置为新的状态并记录原因。")]
public sealed class SetCaseStatus : IActivity
{
    [ActivityInput("The new status.", Required = true, DisplayNameZh = "状态")]
    public CaseStatus Status { get; set; }

    [ActivityInput("Why the status changes, for the case timeline.", DisplayNameZh = "原因")]
    public string? Reason { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddEffect(new SetCaseStatusEffect(context.ElementId, Status.ToString(), string.IsNullOrWhiteSpace(Reason) ? null : Reason));
    }
}
