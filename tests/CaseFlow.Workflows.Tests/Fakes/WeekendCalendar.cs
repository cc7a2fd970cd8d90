using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Tests.Fakes;

/// <summary>A calendar where only weekends are non-working; Shanghai is UTC+8 all year, so a fixed offset is exact.</summary>
internal sealed class WeekendCalendar : IBusinessCalendar
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    public DateOnly AddCalendarDays(DateOnly start, int calendarDays)
    {
        var day = start.AddDays(calendarDays);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    public DateTimeOffset ComputeDue(DateTimeOffset start, BusinessDuration duration) => duration.Unit switch
    {
        DurationUnit.Exact => start + duration.Exact,
        DurationUnit.WorkingDays => EndOfDay(AddWorkingDays(ToLocalDate(start), duration.Days)),
        _ => EndOfDay(AddCalendarDays(ToLocalDate(start), duration.Days)),
    };

    public int WorkingDaysLeft(DateOnly today, DateOnly due)
    {
        var (from, to, sign) = today <= due ? (today, due, 1) : (due, today, -1);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return sign * count;
    }

    public DateOnly ToLocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Shanghai).DateTime);

    private static DateTimeOffset EndOfDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), Shanghai).ToUniversalTime();
}
