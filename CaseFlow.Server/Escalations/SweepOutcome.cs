namespace CaseFlow.Server.Escalations;

/// <summary>What one escalation sweep did and what it leaves for the next.</summary>
/// <param name="Fired">Ladder steps fired.</param>
/// <param name="BudgetSpent">The sweep stopped at its time budget with deadlines still due: the next should start at once.</param>
/// <param name="NextInstant">The earliest instant still to come at which a running ladder needs a sweep (unknown when the budget was spent).</param>
public sealed record SweepOutcome(int Fired, bool BudgetSpent, DateTimeOffset? NextInstant);
