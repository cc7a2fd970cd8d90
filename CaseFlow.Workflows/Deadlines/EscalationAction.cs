namespace CaseFlow.Workflows.Deadlines;

/// <summary>What a step of an escalation ladder does once a deadline has passed.</summary>
public enum EscalationAction
{
    /// <summary>Open a supervision item (督办).</summary>
    SupervisionItem,

    /// <summary>Reassign the task to another person or group.</summary>
    Reassign,

    /// <summary>Notify the director.</summary>
    NotifyDirector,

    /// <summary>Remind the assignee.</summary>
    Remind,
}
