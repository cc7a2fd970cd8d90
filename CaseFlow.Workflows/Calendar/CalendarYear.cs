namespace CaseFlow.Workflows.Calendar;

/// <summary>
/// One year's holiday arrangement as published by the General Office of the State Council: the days off and
/// the weekend days worked in exchange (调休). Shipped as JSON for 2025 and 2026; later years are loaded by an
/// administrator with <see cref="BusinessCalendar.AddYear"/>.
/// </summary>
/// <param name="Year">The year the notice is for.</param>
/// <param name="Holidays">Every day off, weekend days inside a holiday block included (they carry the holiday's name).</param>
/// <param name="WorkingWeekends">Saturdays and Sundays that are working days.</param>
/// <param name="Source">Where the data comes from (the notice and its date), for audit.</param>
public sealed record CalendarYear(
    int Year,
    IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> WorkingWeekends,
    string? Source = null)
{
    /// <summary>Earliest year accepted; guards against typos like 206.</summary>
    public const int MinYear = 1991;

    /// <summary>Latest year accepted.</summary>
    public const int MaxYear = 2999;

    /// <summary>Checks the data is self-consistent; returns one plain sentence per problem, empty when valid.</summary>
    /// <remarks>
    /// Dates may fall in the neighbouring years because a notice can start its New Year holiday on
    /// 31 December of the year before (the 2023 notice did).
    /// </remarks>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Year is < MinYear or > MaxYear)
        {
            errors.Add($"Year {Year} is outside {MinYear}-{MaxYear}.");
            return errors;
        }

        if (Holidays is null || WorkingWeekends is null)
        {
            errors.Add($"{Year}: both 'holidays' and 'workingWeekends' are required (use [] for none).");
            return errors;
        }

        var holidayDates = CheckDays(Holidays, "holiday", errors);
        var workingDates = CheckDays(WorkingWeekends, "working weekend", errors);
        foreach (var day in WorkingWeekends)
        {
            if (day is not null && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"{Year}: working weekend {day.Date:yyyy-MM-dd} is a {day.Date.DayOfWeek}, not a Saturday or Sunday.");
            }
        }

        foreach (var date in holidayDates.Intersect(workingDates).Order())
        {
            errors.Add($"{Year}: {date:yyyy-MM-dd} is listed both as a holiday and as a working weekend.");
        }

        return errors;
    }

    private HashSet<DateOnly> CheckDays(IReadOnlyList<CalendarDay> days, string kind, List<string> errors)
    {
        var seen = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            if (day is null)
            {
                errors.Add($"{Year}: a {kind} entry is empty.");
                continue;
            }

            if (Math.Abs(day.Date.Year - Year) > 1)
            {
                errors.Add($"{Year}: {kind} {day.Date:yyyy-MM-dd} is not in or next to {Year}.");
            }

            if (string.IsNullOrWhiteSpace(day.Name))
            {
                errors.Add($"{Year}: {kind} {day.Date:yyyy-MM-dd} has no name.");
            }

            if (!seen.Add(day.Date))
            {
                errors.Add($"{Year}: {kind} {day.Date:yyyy-MM-dd} is listed twice.");
            }
        }

        return seen;
    }
}
