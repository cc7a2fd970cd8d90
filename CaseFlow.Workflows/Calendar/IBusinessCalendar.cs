namespace CaseFlow.Workflows.Calendar;

/// <summary>
/// Mainland China's business calendar: weekends, statutory holidays and adjusted working weekends (调休),
/// with the statutory counting rules (rules.md §5.2).
/// </summary>
/// <remarks>
/// Dates are civil dates in Asia/Shanghai. Instants handed in are converted to Shanghai time first, so a
/// complaint received at 23:30 UTC counts from the next Shanghai day.
/// </remarks>
public interface IBusinessCalendar
{
    /// <summary>True for ordinary weekdays and make-up working weekends; false for weekends and holidays.</summary>
    bool IsWorkingDay(DateOnly day);

    /// <summary>Last day of an N-working-day period starting the day after <paramref name="start"/> (start day not counted).</summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>Last day of an N-calendar-day period (start day not counted), rolled to the next working day if it ends on a holiday (or, by setting, a weekend).</summary>
    DateOnly AddCalendarDays(DateOnly start, int calendarDays);

    /// <summary>The due instant for <paramref name="duration"/> counted from <paramref name="start"/>.</summary>
    /// <remarks>Day-based durations are due at the end of their last day (23:59:59 Shanghai): action on the last day is on time (PPR Art. 84).</remarks>
    DateTimeOffset ComputeDue(DateTimeOffset start, BusinessDuration duration);

    /// <summary>Working days from <paramref name="today"/> (exclusive) to <paramref name="due"/> (inclusive); negative when overdue.</summary>
    int WorkingDaysLeft(DateOnly today, DateOnly due);

    /// <summary>The Shanghai civil date of an instant.</summary>
    DateOnly ToLocalDate(DateTimeOffset instant);

    /// <summary>Whether holidays are known for <paramref name="year"/>; when false its dates count as ordinary weekdays and weekends, and the API should warn.</summary>
    /// <remarks>Defaults to true so that test doubles which do not model holiday data need not implement it.</remarks>
    bool HasDataFor(int year) => true;

    /// <summary>Whether a period from <paramref name="from"/> to <paramref name="to"/> touches a year without holiday data, so its end may move when that year is loaded.</summary>
    /// <remarks>Defaults to false for test doubles that do not model holiday data.</remarks>
    bool IsProvisional(DateOnly from, DateOnly to) => false;
}
