using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines;

/// <summary>Due instants of rule-based deadlines on the business calendar: start, suspension and extension.</summary>
public static class DeadlineArithmetic
{
    /// <summary>The due instant of <paramref name="rule"/> counted from <paramref name="start"/>.</summary>
    public static DateTimeOffset ComputeDue(IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        return calendar.ComputeDue(start, rule.Duration);
    }

    /// <summary>
    /// The due instant after a suspension from <paramref name="suspendedAt"/> to <paramref name="resumedAt"/>: moved by
    /// the suspended span counted in the rule's unit (working days suspended move it by that many working days).
    /// </summary>
    /// <remarks>
    /// Day units count the days in (suspension day, resumption day]: suspended Monday and resumed Thursday stops the
    /// clock for three working days. A suspension lifted the same day moves nothing.
    /// </remarks>
    public static DateTimeOffset AfterSuspension(IBusinessCalendar calendar, DeadlineUnit unit, DateTimeOffset due, DateTimeOffset suspendedAt, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (resumedAt <= suspendedAt)
        {
            return due;
        }

        var from = calendar.ToLocalDate(suspendedAt);
        var to = calendar.ToLocalDate(resumedAt);
        return unit switch
        {
            DeadlineUnit.WorkingDays => MoveBy(calendar, unit, due, to > from ? calendar.WorkingDaysLeft(from, to) : 0),
            DeadlineUnit.CalendarDays => MoveBy(calendar, unit, due, to.DayNumber - from.DayNumber),
            _ => due + (resumedAt - suspendedAt),
        };
    }

    /// <summary>The due instant moved later by <paramref name="amount"/> in <paramref name="unit"/> (an extension).</summary>
    public static DateTimeOffset MoveBy(IBusinessCalendar calendar, DeadlineUnit unit, DateTimeOffset due, int amount)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (amount <= 0)
        {
            return due;
        }

        // Day periods end at the end of a Shanghai day; counting on from the due instant keeps that convention.
        return unit switch
        {
            DeadlineUnit.WorkingDays => calendar.ComputeDue(due, new BusinessDuration(DurationUnit.WorkingDays, amount, TimeSpan.Zero)),
            DeadlineUnit.CalendarDays => calendar.ComputeDue(due, new BusinessDuration(DurationUnit.CalendarDays, amount, TimeSpan.Zero)),
            _ => due + TimeSpan.FromHours(amount),
        };
    }
}
