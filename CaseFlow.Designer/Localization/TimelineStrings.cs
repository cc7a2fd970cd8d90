namespace CaseFlow.Designer.Localization;

/// <summary>
/// Labels of the case timeline's event codes (the server's <c>event</c> values), so the timeline reads 登记, 督办, 期限延长
/// instead of codes; <see cref="Strings"/> merges them into its tables. A code missing here shows as itself.
/// </summary>
public static class TimelineStrings
{
    public static readonly IReadOnlyDictionary<string, string> Chinese = new Dictionary<string, string>
    {
        ["event.Registered"] = "登记",
        ["event.MaterialsChecked"] = "材料审查",
        ["event.JurisdictionSuggested"] = "建议管辖",
        ["event.TaskCreated"] = "生成待办",
        ["event.TaskCompleted"] = "办结步骤",
        ["event.TaskCancelled"] = "步骤取消",
        ["event.TaskDelegated"] = "委托办理",
        ["event.TaskHandedOver"] = "工作交接",
        ["event.TaskReassigned"] = "改派",
        ["event.OfficeAssigned"] = "分派承办机构",
        ["event.StatusChanged"] = "状态变更",
        ["event.EmailQueued"] = "发送邮件",
        ["event.DocumentUploaded"] = "上传材料",
        ["event.FactsMerged"] = "补充案情",
        ["event.OutcomeRecorded"] = "记录办理结果",
        ["event.DeadlineOpened"] = "期限开始",
        ["event.DeadlineExtended"] = "期限延长",
        ["event.DeadlineSuspended"] = "期限中止",
        ["event.DeadlineResumed"] = "期限恢复",
        ["event.DeadlineRestarted"] = "期限重新计算",
        ["event.DeadlineRecalculated"] = "期限按新日历重算",
        ["event.DeadlineNotSuspended"] = "未中止期限",
        ["event.DeadlineWarning"] = "临期提醒",
        ["event.SupervisionItemOpened"] = "督办",
        ["event.ReminderSent"] = "催办",
        ["event.DirectorNotified"] = "超期报告",
        ["event.LinkedCaseOpened"] = "关联立案",
        ["event.LinkedCaseNotOpened"] = "关联案件未立案",
        ["event.PoliceDecisionRecorded"] = "记录公安机关决定",
        ["event.TransferPackageSealed"] = "移送材料封存",
        ["event.RegulatorReceived"] = "转至市场监管部门",
        ["event.Anonymised"] = "个人信息匿名化",
        ["event.CaseEvent"] = "案件事项",
    };

    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["event.Registered"] = "Registered",
        ["event.MaterialsChecked"] = "Materials checked",
        ["event.JurisdictionSuggested"] = "Jurisdiction suggested",
        ["event.TaskCreated"] = "Task created",
        ["event.TaskCompleted"] = "Step completed",
        ["event.TaskCancelled"] = "Step cancelled",
        ["event.TaskDelegated"] = "Task delegated",
        ["event.TaskHandedOver"] = "Task handed over",
        ["event.TaskReassigned"] = "Task reassigned",
        ["event.OfficeAssigned"] = "Office assigned",
        ["event.StatusChanged"] = "Status changed",
        ["event.EmailQueued"] = "Email queued",
        ["event.DocumentUploaded"] = "Document uploaded",
        ["event.FactsMerged"] = "Facts added",
        ["event.OutcomeRecorded"] = "Outcome recorded",
        ["event.DeadlineOpened"] = "Deadline opened",
        ["event.DeadlineExtended"] = "Deadline extended",
        ["event.DeadlineSuspended"] = "Deadline suspended",
        ["event.DeadlineResumed"] = "Deadline resumed",
        ["event.DeadlineRestarted"] = "Deadline restarted",
        ["event.DeadlineRecalculated"] = "Deadline recalculated",
        ["event.DeadlineNotSuspended"] = "Deadline not suspended",
        ["event.DeadlineWarning"] = "Deadline warning",
        ["event.SupervisionItemOpened"] = "Supervision item opened",
        ["event.ReminderSent"] = "Reminder sent",
        ["event.DirectorNotified"] = "Director notified",
        ["event.LinkedCaseOpened"] = "Linked case opened",
        ["event.LinkedCaseNotOpened"] = "Linked case not opened",
        ["event.PoliceDecisionRecorded"] = "Police decision recorded",
        ["event.TransferPackageSealed"] = "Transfer package sealed",
        ["event.RegulatorReceived"] = "Received by the regulator",
        ["event.Anonymised"] = "Personal data anonymised",
        ["event.CaseEvent"] = "Case event",
    };
}
