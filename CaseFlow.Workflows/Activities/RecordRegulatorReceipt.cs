using CaseFlow.Workflows.Descriptors;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Activities;

/// <summary>Marks the moment a complaint handled business-first (ODR) comes back to the regulator.</summary>
/// <remarks>The acceptance period of O121 Art. 15 runs from receipt by the authority, so it counts from here, not from the ODR start.</remarks>
[Activity("Case", "登记监管部门收到时间", "Records that the complaint reaches the regulator now (after ODR); receipt-based deadlines count from here.",
    DisplayNameEn = "Record regulator receipt", DescriptionZh = "记录投诉此刻到达市场监管部门（在线纠纷解决之后）；自收到之日起算的期限从此刻计算。")]
public sealed class RecordRegulatorReceipt : IActivity
{
    /// <inheritdoc />
    public void Execute(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.AddEffect(new RegulatorReceiptEffect(context.ElementId));
    }
}
