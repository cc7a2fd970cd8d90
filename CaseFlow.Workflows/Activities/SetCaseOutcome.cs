using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Records the figures a bureau's work report quotes for a complaint: money recovered and satisfaction.</summary>
[Activity("Case", "记录办理结果", "Records the money recovered for the consumer and the return visit's satisfaction rating on the case.",
    DisplayNameEn = "Set case outcome", DescriptionZh = "在案件上记录为消费者挽回的经济损失和回访满意度。")]
public sealed class SetCaseOutcome : IActivity
{
    /// <summary>The ratings of a return visit (rules.md §4: 非常满意 / 满意 / 一般 / 不满意).</summary>
    public static readonly string[] Ratings = ["very-satisfied", "satisfied", "neutral", "dissatisfied"];

    [ActivityInput("Money recovered for the consumer, in yuan (挽回经济损失).", DisplayNameZh = "挽回经济损失（元）")]
    public decimal? RecoveredAmount { get; set; }

    [ActivityInput("The return visit's rating: very-satisfied, satisfied, neutral or dissatisfied.", DisplayNameZh = "回访满意度")]
    public string? Satisfaction { get; set; }

    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RecoveredAmount is < 0)
        {
            throw new InvalidOperationException($"The recovered amount {RecoveredAmount} is negative.");
        }

        var rating = string.IsNullOrWhiteSpace(Satisfaction) ? null : Satisfaction.Trim();
        if (rating is not null && !Ratings.Contains(rating))
        {
            throw new InvalidOperationException($"The satisfaction rating '{rating}' is not one of: {string.Join(", ", Ratings)}.");
        }

        context.AddEffect(new SetCaseOutcomeEffect(context.ElementId, RecoveredAmount, rating));
    }
}
