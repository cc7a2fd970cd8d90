using System.Globalization;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Escalations;

/// <summary>The Chinese wording of ladder emails and timeline entries: what is due, by which rule, and what to do.</summary>
internal static class LadderTexts
{
    /// <summary>The timeline event name of a step kind.</summary>
    public static string EventName(EscalationKind kind) => kind switch
    {
        EscalationKind.Warning => "DeadlineWarning",
        EscalationKind.SupervisionItem => "SupervisionItemOpened",
        EscalationKind.Reassign => "TaskReassigned",
        EscalationKind.NotifyDirector => "DirectorNotified",
        _ => "ReminderSent",
    };

    /// <summary>The subject line of the email for <paramref name="step"/>.</summary>
    public static string Subject(LadderFacts step) => step.Kind switch
    {
        EscalationKind.Warning => $"【临期提醒】{step.CaseNumber} {step.DeadlineName}将于{Date(step.DueDate)}届满",
        EscalationKind.SupervisionItem => $"【督办】{step.CaseNumber} {step.DeadlineName}已届满",
        EscalationKind.Reassign => $"【改派】{step.CaseNumber} {step.TaskName}超期未办，已重新分派",
        EscalationKind.NotifyDirector => $"【超期报告】{step.CaseNumber} {step.DeadlineName}超期{-step.WorkingDaysLeft}个工作日",
        _ => $"【催办】{step.CaseNumber} {step.TaskName}已超期{-step.WorkingDaysLeft}个工作日",
    };

    /// <summary>The body of the email to <paramref name="recipient"/>.</summary>
    public static string Body(LadderFacts step, string recipient) =>
        $"{recipient}：\n\n{Summary(step)}\n\n{WhatToDo(step)}\n\n期限依据：{step.LegalBasis}\n\n市场监督管理局 CaseFlow";

    /// <summary>One line for the case timeline.</summary>
    public static string Timeline(LadderFacts step, IReadOnlyList<string> recipients) =>
        $"{Summary(step)} 已通知：{(recipients.Count == 0 ? "（无可通知人员）" : string.Join("、", recipients))}。依据 {step.LegalBasis}";

    private static string Summary(LadderFacts step)
    {
        var what = $"案件 {step.CaseNumber}（{step.CaseSubject}）的“{step.TaskName}”（{step.DeadlineName}）";
        var holder = step.Assignee is null ? "尚无人认领" : $"承办人 {step.Assignee}";
        return step.Kind == EscalationKind.Warning
            ? $"{what}将于 {Date(step.DueDate)} 届满，还剩 {step.WorkingDaysLeft} 个工作日，{holder}。"
            : $"{what}已于 {Date(step.DueDate)} 届满，已超期 {-step.WorkingDaysLeft} 个工作日，{holder}。";
    }

    private static string WhatToDo(LadderFacts step) => step.Kind switch
    {
        EscalationKind.Warning => "请在期限内办理；确需延长或中止的，请在届满前按规定报批。",
        EscalationKind.SupervisionItem => "现列为督办事项，请督促承办人立即办理，或依法批准延长、改派。",
        EscalationKind.Reassign => $"该任务已退回{step.ReassignedTo}待认领，请尽快认领办理。",
        EscalationKind.NotifyDirector => "督办后仍未办结，特此报告，请研究处理。",
        _ => "请立即办理，并在系统中记录处理情况。",
    };

    private static string Date(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
