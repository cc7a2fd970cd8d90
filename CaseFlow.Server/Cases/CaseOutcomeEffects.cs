using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
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

    /// <summary>
    /// O121 Art. 35(2) decided by a person: merged keeps the reference to the first report (a duplicate, not handled
    /// again); linked turns it into a link (ParentCaseId) and handles the report; rejected drops it. Both cases' timelines
    /// say so.
    /// </summary>
    private static void ApplyDuplicateDecision(CaseFlowDbContext db, StoredCase report, DuplicateDecisionEffect decision, DateTimeOffset now)
    {
        var first = report.DuplicateOfCaseId;
        var (text, firstText) = decision.Decision switch
        {
            DuplicateDecision.Merged => ("经人工判断为重复举报，合并至首次举报，不再处理（第三十五条第二款）", $"重复举报 {report.Number} 经人工判断合并至本举报"),
            DuplicateDecision.Linked => ("经人工判断与首次举报相关，关联处理", $"举报 {report.Number} 经人工判断与本举报关联处理"),
            _ => ("经人工判断不属于重复举报，作为新举报处理", $"举报 {report.Number} 经人工判断不属于本举报的重复举报"),
        };
        if (decision.Decision == DuplicateDecision.Linked)
        {
            report.ParentCaseId ??= first;
            report.DuplicateOfCaseId = null;
        }
        else if (decision.Decision == DuplicateDecision.Rejected)
        {
            report.DuplicateOfCaseId = null;
        }

        var note = decision.Note is null ? "" : $"：{decision.Note}";
        db.CaseEvents.Add(new StoredCaseEvent { CaseId = report.Id, At = now, Actor = SystemActor, Event = "DuplicateDecided", Details = text + note });
        if (first is { } firstId)
        {
            db.CaseEvents.Add(new StoredCaseEvent { CaseId = firstId, At = now, Actor = SystemActor, Event = "DuplicateDecided", Details = firstText + note });
        }
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
            case DuplicateDecisionEffect duplicate:
                if (storedCase is not null)
                {
                    ApplyDuplicateDecision(db, storedCase, duplicate, now);
                }

                return true;
            default:
                return false;
        }
    }
}
