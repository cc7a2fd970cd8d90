using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines;

/// <summary>Due instants of rule-based deadlines on the business calendar: start, suspension and extension.</summary>
public static class DeadlineArithmetic
{
    /// <summary>The due instant of <paramref name="rule"/> counted from <paramref name="start"/>.</summary>
    /// <remarks>
    /// A lead time (<see cref="DeadlineRule.CountsBack"/>) ends before <paramref name="start"/>: on the latest day from
    /// which the period, counted forward with the start day excluded, still ends on or before the start event's day.
    /// </remarks>
    public static DateTimeOffset ComputeDue(IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.CountsBack)
        {
            return Before(calendar, rule, start);
        }

        return rule.Unit == DeadlineUnit.Months
            ? EndOf(calendar, AddMonths(calendar, calendar.ToLocalDate(start), rule.Amount))
            : calendar.ComputeDue(start, rule.Duration);
    }

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months from <paramref name="start"/> (start day excluded):
    /// the corresponding day of the last month, or its last day when it has none (Civil Code Art. 202), moved past a
    /// holiday as a calendar-day period is.
    /// </summary>
    public static DateOnly AddMonths(IBusinessCalendar calendar, DateOnly start, int months)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddCalendarDays(start.AddMonths(months), 0);
    }

    /// <summary>The end (23:59:59 Shanghai) of <paramref name="day"/> as the calendar counts it.</summary>
    public static DateTimeOffset EndOf(IBusinessCalendar calendar, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        return calendar.ComputeDue(new DateTimeOffset(noon, TimeSpan.FromHours(8)), new BusinessDuration(DurationUnit.WorkingDays, 0, TimeSpan.Zero));
    }

    private static DateTimeOffset Before(IBusinessCalendar calendar, DeadlineRule rule, DateTimeOffset start)
    {
        var day = calendar.ToLocalDate(start);
        switch (rule.Unit)
        {
            case DeadlineUnit.WorkingDays:
                for (var counted = 0; counted < rule.Amount;)
                {
                    day = day.AddDays(-1);
                    if (calendar.IsWorkingDay(day))
                    {
                        counted++;
                    }
                }

                return EndOf(calendar, day);
            case DeadlineUnit.CalendarDays:
            case DeadlineUnit.Months:
                // Moved earlier, never later, off a day the office does not work: the lead time must still be given.
                day = rule.Unit == DeadlineUnit.Months ? day.AddMonths(-rule.Amount) : day.AddDays(-rule.Amount);
                while (!calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(-1);
                }

                return EndOf(calendar, day);
            default:
                return (start - TimeSpan.FromHours(rule.Amount)).ToUniversalTime();
        }
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
            DeadlineUnit.CalendarDays or DeadlineUnit.Months => MoveBy(calendar, DeadlineUnit.CalendarDays, due, to.DayNumber - from.DayNumber),
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
            DeadlineUnit.Months => EndOf(calendar, AddMonths(calendar, calendar.ToLocalDate(due), amount)),
            _ => due + TimeSpan.FromHours(amount),
        };
    }
}
