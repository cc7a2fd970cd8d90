namespace CaseFlow.Workflows.Activities;

/// <summary>What <see cref="CaseDeadline"/> does to a case-level statutory deadline.</summary>
public enum CaseDeadlineAction
{
    /// <summary>Starts the clock (e.g. the 90-day decision period at 立案).</summary>
    Open,

    /// <summary>Stops the clock for a kind of time the rule excludes (e.g. a hearing).</summary>
    Suspend,

    /// <summary>Restarts a stopped clock; the due date moves by the suspended span.</summary>
    Resume,

    /// <summary>The step the period was for is done: the deadline is met, or breached when late.</summary>
    End,
}
