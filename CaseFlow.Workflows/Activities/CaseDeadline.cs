using CaseFlow.Workflows.Deadlines;
using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>
/// Opens, suspends, resumes or ends a statutory deadline that runs over several steps of a case rather than one task
/// (the penalty procedure's 90-day decision period runs from 立案 through investigation, review, notice and hearing).
/// </summary>
[Activity("Case", "案件期限", "Opens, suspends, resumes or ends a statutory deadline of the case that spans several steps.",
    DisplayNameEn = "Case deadline", DescriptionZh = "开始、中止、恢复或结束跨越多个环节的案件法定期限（如立案后九十日内作出处理决定）。")]
public sealed class CaseDeadline : IActivity
{
    [ActivityInput("Open, Suspend, Resume or End.", Required = true, DisplayNameZh = "操作")]
    public CaseDeadlineAction Action { get; set; }

    [ActivityInput("The rule code from a rule set, e.g. ppr.decision.", Required = true, DisplayNameZh = "期限规则")]
    public string? Rule { get; set; }

    [ActivityInput("For Suspend: the kind of time the rule excludes (Testing, Suspension, Hearing, PublicNotice, Odr).", DisplayNameZh = "扣除期间类型")]
    public IntervalKind? Kind { get; set; }

    [ActivityInput("Why, for the case timeline.", DisplayNameZh = "原因")]
    public string? Reason { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(Rule))
        {
            throw new InvalidOperationException("The case deadline names no rule.");
        }

        if (Action == CaseDeadlineAction.Suspend && Kind is null)
        {
            throw new InvalidOperationException($"Suspending {Rule} needs the kind of time it excludes.");
        }

        context.AddEffect(new CaseDeadlineEffect(context.ElementId, Action, Rule.Trim(), Kind, string.IsNullOrWhiteSpace(Reason) ? null : Reason));
    }
}
