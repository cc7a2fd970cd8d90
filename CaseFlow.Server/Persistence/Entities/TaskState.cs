namespace CaseFlow.Server.Persistence.Entities;

/// <summary>Where a human task stands.</summary>
public enum TaskState
{
    Open,
    Completed,
    /// <summary>Withdrawn by the process (interrupting timer, cancelled instance).</summary>
    Cancelled,
}
