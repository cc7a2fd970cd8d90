using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Adds an entry to the case timeline shown to handlers and supervisors.</summary>
[Activity("Case", "添加案件记录", "Adds an entry to the case timeline.",
    DisplayNameEn = "Add timeline entry", DescriptionZh = "在案件时间线中添加一条记录。")]
public sealed class AddTimelineEntry : IActivity
{
    [ActivityInput("A short event name, e.g. \"Mediation started\".", Required = true, DisplayNameZh = "事件")]
    public string? Event { get; set; }

    [ActivityInput("Details (no personal data).", DisplayNameZh = "详情")]
    public string? Details { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(Event))
        {
            throw new InvalidOperationException("The timeline entry has no event name.");
        }

        context.AddEffect(new CaseTimelineEffect(context.ElementId, Event, string.IsNullOrWhiteSpace(Details) ? null : Details));
    }
}
