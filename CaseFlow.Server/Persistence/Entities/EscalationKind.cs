namespace CaseFlow.Server.Persistence.Entities;

/// <summary>What a fired ladder step was: a warning before the due instant, or one of the escalation actions after it.</summary>
public enum EscalationKind
{
    /// <summary>临期提醒: the deadline is near.</summary>
    Warning,

    /// <summary>督办: a supervision item for the office head.</summary>
    SupervisionItem,

    /// <summary>The task was taken back and offered to a group.</summary>
    Reassign,

    /// <summary>The director was told.</summary>
    NotifyDirector,

    /// <summary>催办: the assignee was reminded.</summary>
    Remind,
}
