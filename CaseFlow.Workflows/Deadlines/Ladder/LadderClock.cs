using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines.Ladder;

/// <summary>
/// Where ladder steps fall on the business calendar. Day-based steps fire at 08:00 Shanghai time on their day, when
/// the office opens, rather than at midnight; exact durations (<c>PT4H</c>) are counted to the second.
/// </summary>
internal static class LadderClock
{
    // Mainland China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TimeOnly OfficeOpens = new(8, 0);

    /// <summary>When a warning <paramref name="lead"/> before <paramref name="due"/> fires.</summary>
    public static DateTimeOffset Before(IBusinessCalendar calendar, DateTimeOffset due, BusinessDuration lead)
    {
        var dueDay = calendar.ToLocalDate(due);
        switch (lead.Unit)
        {
            case DurationUnit.WorkingDays when lead.Days > 0:
                // The latest working day from which exactly `lead` working days remain up to and including the due day.
                var day = dueDay;
                for (var counted = 0; counted < lead.Days; day = day.AddDays(-1))
                {
                    if (calendar.IsWorkingDay(day))
                    {
                        counted++;
                    }
                }

                while (!calendar.IsWorkingDay(day))
                {
                    day = day.AddDays(-1);
                }

                return Opening(day);
            case DurationUnit.CalendarDays when lead.Days > 0:
                return Opening(dueDay.AddDays(-lead.Days));
            case DurationUnit.Exact:
                return due - lead.Exact;
            default:
                return due;
        }
    }

    /// <summary>When something <paramref name="offset"/> after <paramref name="from"/> fires; a zero offset is <paramref name="from"/> itself.</summary>
    public static DateTimeOffset After(IBusinessCalendar calendar, DateTimeOffset from, BusinessDuration offset)
    {
        var day = calendar.ToLocalDate(from);
        return offset.Unit switch
        {
            DurationUnit.WorkingDays when offset.Days > 0 => Opening(calendar.AddWorkingDays(day, offset.Days)),
            DurationUnit.CalendarDays when offset.Days > 0 => Opening(day.AddDays(offset.Days)),
            DurationUnit.Exact => from + offset.Exact,
            _ => from,
        };
    }

    private static DateTimeOffset Opening(DateOnly day) => new(day, OfficeOpens, Shanghai);
}
