namespace CaseFlow.Workflows.Deadlines;

/// <summary>One step of a deadline's escalation ladder. Stored and validated; executed by later work.</summary>
public sealed record EscalationStep
{
    /// <summary>How long after the due instant the step fires, as a business duration (<c>1wd</c>, <c>3d</c>, <c>PT4H</c>).</summary>
    public string Offset { get; init; } = "";

    /// <summary>What the step does.</summary>
    public EscalationAction Action { get; init; }

    /// <summary>The role or group the step addresses (e.g. <c>supervisors</c>).</summary>
    public string Role { get; init; } = "";

    /// <summary>Repeat interval while the deadline stays breached; null for once.</summary>
    public string? RepeatEvery { get; init; }
}
