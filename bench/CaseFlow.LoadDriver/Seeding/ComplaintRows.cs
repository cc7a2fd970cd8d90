using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Cases;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.LoadDriver.Seeding;

/// <summary>
/// Rows shaped like the built-in complaint process leaves them (complaint.bpmn): the acceptance task 受理审查 offered to
/// intake with its 7-working-day deadline (O121 complaint.acceptance), after acceptance the mediation task 组织调解 offered
/// to the case's office with its 60-day deadline (complaint.mediation), case statuses as the server sets them.
/// </summary>
/// <remarks>
/// No process instance rows: the seeded cases carry an instance id but no engine state, so their tasks can be listed,
/// escalated and counted, not completed through the API. The scenarios that complete tasks seed through the API.
/// </remarks>
internal static class ComplaintRows
{
    public const string AcceptanceLegalBasis = "《市场监督管理投诉举报处理办法》第十五条";
    public const string MediationLegalBasis = "《市场监督管理投诉举报处理办法》第二十三条第一款第五项（检验、检测、鉴定时间不计入，第二十二条第三款）";

    private static readonly (string Category, string Subject, string Respondent, decimal Amount)[] Complaints =
    [
        ("家用电器", "电热水壶漏电", "城关家电商行", 199m),
        ("食品", "购买的食品变质", "开发区生鲜超市", 58.5m),
        ("网络购物", "网购手机与描述不符", "某电商平台店铺", 2_999m),
        ("美容美发", "预付卡商家关门", "丽人美容会所", 3_000m),
        ("餐饮", "餐后腹泻", "老街小吃店", 126m),
        ("汽车", "新车发动机异响", "城南汽车销售服务有限公司", 0m),
    ];

    /// <summary>A registered hotline complaint numbered <paramref name="number"/> (e.g. TS2026-000123).</summary>
    public static StoredCase Case(Guid id, string number, int index, DateTimeOffset received)
    {
        var (category, subject, respondent, amount) = Complaints[index % Complaints.Length];
        return new StoredCase
        {
            Id = id, Number = number, Kind = "complaint", Channel = index % 3 == 0 ? "online" : "hotline", ReceivedAt = received,
            ComplainantName = "刘洋", ComplainantPhone = $"138{index % 100_000_000:D8}", ComplainantEmail = "consumer@example.org",
            ComplainantAddress = "城关区人民路 12 号", RespondentName = respondent, RespondentAddress = "城关区解放路 88 号",
            Category = category, Subject = subject, Description = $"{subject}，商家拒绝处理（第 {index} 件）。",
            AmountInvolved = amount, ProcessInstanceId = Guid.NewGuid(), CreatedAt = received, CreatedBy = "intake",
        };
    }

    /// <summary>The acceptance task 受理审查, offered to intake.</summary>
    public static StoredTask AcceptanceTask(StoredCase c, DateTimeOffset due) => new()
    {
        Id = Guid.CreateVersion7(c.ReceivedAt), InstanceId = c.ProcessInstanceId!.Value, CaseId = c.Id, ElementId = "decideAcceptance",
        Name = "受理审查", CandidateGroups = ",intake,", Outcomes = "accept,refuse", RequiredVariables = "accept:officeId",
        DueIn = "7wd", DueAt = due, CreatedAt = c.ReceivedAt, State = TaskState.Open,
    };

    /// <summary>The mediation task 组织调解, offered to the case's office.</summary>
    public static StoredTask MediationTask(StoredCase c, DateTimeOffset accepted, DateTimeOffset due) => new()
    {
        Id = Guid.CreateVersion7(accepted), InstanceId = c.ProcessInstanceId!.Value, CaseId = c.Id, ElementId = "mediate",
        Name = "组织调解", CandidateGroups = $",{c.OfficeId},", Outcomes = "agreement,terminated,withdrawn",
        DueIn = "60d", DueAt = due, CreatedAt = accepted, State = TaskState.Open,
    };

    public static void Complete(StoredTask task, DateTimeOffset at, string by, string outcome)
    {
        task.State = TaskState.Completed;
        task.CompletedAt = at;
        task.CompletedBy = by;
        task.Outcome = outcome;
    }

    /// <summary>The running acceptance deadline of <paramref name="task"/>; the sweep next looks at it at <paramref name="nextStepAt"/>.</summary>
    public static StoredDeadline AcceptanceDeadline(StoredTask task, DateTimeOffset due, DateTimeOffset? nextStepAt) => new()
    {
        Id = Guid.NewGuid(), CaseId = task.CaseId!.Value, TaskId = task.Id, Name = "受理期限", Rule = "7wd", RuleCode = "complaint.acceptance",
        RuleSetId = "O121", LegalBasis = AcceptanceLegalBasis, Unit = DeadlineUnit.WorkingDays, StartedAt = task.CreatedAt, DueAt = due,
        State = DeadlineState.Running, NextStepAt = nextStepAt,
    };

    /// <summary>The running mediation deadline of <paramref name="task"/>.</summary>
    public static StoredDeadline MediationDeadline(StoredTask task, DateTimeOffset due, DateTimeOffset? nextStepAt) => new()
    {
        Id = Guid.NewGuid(), CaseId = task.CaseId!.Value, TaskId = task.Id, Name = "调解期限", Rule = "60d", RuleCode = "complaint.mediation",
        RuleSetId = "O121", LegalBasis = MediationLegalBasis, Unit = DeadlineUnit.CalendarDays, StartedAt = task.CreatedAt, DueAt = due,
        State = DeadlineState.Running, NextStepAt = nextStepAt,
    };

    /// <summary>Moves a case through <paramref name="path"/>, the complaint procedure's statuses in order.</summary>
    public static void Advance(StoredCase c, DateTimeOffset at, params CaseStatus[] path)
    {
        foreach (var status in path)
        {
            c.ChangeStatus(status, at);
        }
    }

    /// <summary>The acceptance deadline's 2-working-day warning to intake, already given at <paramref name="firedAt"/> (key <paramref name="warningKey"/>).</summary>
    public static StoredEscalation GivenWarning(StoredDeadline deadline, string warningKey, DateTimeOffset firedAt) => new()
    {
        Id = Guid.NewGuid(), DeadlineId = deadline.Id, CaseId = deadline.CaseId, TaskId = deadline.TaskId, StepKey = warningKey,
        Kind = EscalationKind.Warning, Level = 0, Occurrence = 1, Role = "assignee", Recipients = "intake",
        DueAt = deadline.DueAt, FiredAt = firedAt, FiredBy = "seed",
    };
}
