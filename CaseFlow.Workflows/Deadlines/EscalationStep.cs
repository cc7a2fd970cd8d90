namespace CaseFlow.Workflows.Deadlines;

/// <summary>One step of a deadline's escalation ladder, fired by the server's escalation sweep (see <c>EscalationLadder</c>).</summary>
public sealed record EscalationStep
{
    /// <summary>How long after the due instant the step fires, as a business duration (<c>0d</c> at the due instant, <c>1wd</c>, <c>3d</c>, <c>PT4H</c>).</summary>
    public string Offset { get; init; } = "";

    /// <summary>What the step does.</summary>
    public EscalationAction Action { get; init; }

    /// <summary>The group the step addresses (e.g. <c>supervisors</c>), or <c>assignee</c> for the task's holder; for Reassign, the group the task is offered to (<c>assignee</c>: back to its own candidate groups).</summary>
    public string Role { get; init; } = "";

    /// <summary>Repeat interval while the deadline stays breached; null for once.</summary>
    public string? RepeatEvery { get; init; }
}
