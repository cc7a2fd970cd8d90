using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Cases;

/// <summary>Applies the case-outcome effects of the process library (money recovered, satisfaction, regulator receipt) to the case row.</summary>
internal static class CaseOutcomeEffects
{
    private const string SystemActor = "system";

    /// <summary>
    /// Records a regulator receipt before the command's new tasks get their deadlines, so the acceptance period opened
    /// in the same command counts from the moment the ODR enterprise handed the complaint back.
    /// </summary>
    public static void ApplyReceipts(CaseFlowDbContext db, StoredCase? storedCase, IEnumerable<WorkflowEffect> effects, DateTimeOffset now)
    {
        if (storedCase is null || !effects.OfType<RegulatorReceiptEffect>().Any())
        {
            return;
        }

        storedCase.RegulatorReceivedAt = now;
        db.CaseEvents.Add(new StoredCaseEvent
        {
            CaseId = storedCase.Id,
            At = now,
            Actor = SystemActor,
            Event = "RegulatorReceived",
            Details = "投诉转至市场监管部门，受理期限自此起算（在线纠纷解决时间不计入）",
        });
    }

    /// <summary>True when <paramref name="effect"/> was one of these (applied or, without a case, nothing to change).</summary>
    public static bool TryApply(CaseFlowDbContext db, StoredCase? storedCase, WorkflowEffect effect, DateTimeOffset now)
    {
        switch (effect)
        {
            case SetCaseOutcomeEffect outcome:
                if (storedCase is not null)
                {
                    storedCase.RecoveredAmount = outcome.RecoveredAmount ?? storedCase.RecoveredAmount;
                    storedCase.Satisfaction = outcome.Satisfaction ?? storedCase.Satisfaction;
                    var parts = new List<string>();
                    if (outcome.RecoveredAmount is { } amount)
                    {
                        parts.Add($"挽回经济损失 {amount.ToString("0.##", CultureInfo.InvariantCulture)} 元");
                    }

                    if (outcome.Satisfaction is { } rating)
                    {
                        parts.Add($"回访满意度 {rating}");
                    }

                    db.CaseEvents.Add(new StoredCaseEvent { CaseId = storedCase.Id, At = now, Actor = SystemActor, Event = "OutcomeRecorded", Details = string.Join("；", parts) });
                }

                return true;
            case RegulatorReceiptEffect:
                return true; // applied up front by ApplyReceipts
            default:
                return false;
        }
    }
}
