namespace CaseFlow.Workflows.Calendar;

/// <summary>Settings of <see cref="BusinessCalendar"/> (configuration section <c>Calendar</c> by convention).</summary>
public sealed class BusinessCalendarOptions
{
    /// <summary>
    /// Whether a calendar-day period ending on an ordinary Saturday or Sunday ends on the next working day instead.
    /// Default true.
    /// </summary>
    /// <remarks>
    /// The statutes roll a period ending on a 法定节假日 but do not say whether an ordinary weekend is one
    /// (rules.md §5.2). Rolling over is the recommendation: it can only make a deadline later, never make an
    /// action on time by the statute count look late. Periods ending on a statutory holiday always roll.
    /// </remarks>
    public bool RollCalendarPeriodsOverWeekends { get; set; } = true;
}
