namespace CaseFlow.Workflows.Deadlines.Ladder;

/// <summary>One firing of a deadline's ladder: a warning before the due instant or an escalation step after it.</summary>
/// <param name="Key">
/// Unique per deadline and firing, so a step fires once however often it is planned: <c>warning:2wd@2026-05-13</c>
/// (a warning is given again when the due date moves), <c>step:0#1</c> (escalation step 0, occurrence 1).
/// </param>
/// <param name="FireAt">When it is due to fire.</param>
/// <param name="Action">What it does; null for a warning.</param>
/// <param name="Role">For escalations, the group it addresses (<c>supervisors</c>) or <c>assignee</c>.</param>
/// <param name="Level">0 for a warning; step index + 1 for an escalation (the 督办 level shown in queues).</param>
/// <param name="Occurrence">1 for the first firing of a step, 2 and more for repeated reminders.</param>
/// <param name="Lead">The warning's lead (<c>2wd</c>) or the step's offset, for texts.</param>
public sealed record LadderStep(string Key, DateTimeOffset FireAt, EscalationAction? Action, string Role, int Level, int Occurrence, string Lead)
{
    /// <summary>Whether this is a warning before the due instant.</summary>
    public bool IsWarning => Action is null;
}
