using System.Text.Json;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Calendar;

/// <summary>Converts calendar years to and from their stored JSON, and applies stored years to a calendar.</summary>
internal static class StoredCalendarYears
{
    /// <summary>The holiday-calendar JSON of <paramref name="year"/>, readable by <see cref="HolidayCalendarData.Parse(string)"/>.</summary>
    public static string Serialize(CalendarYear year) => JsonSerializer.Serialize(year, JsonSerializerOptions.Web);

    /// <summary>Loads every applied stored year into <paramref name="calendar"/>, replacing bundled years of the same number; pending uploads are ignored.</summary>
    /// <returns>The years applied.</returns>
    /// <exception cref="InvalidOperationException">A stored year cannot be read or clashes with another year.</exception>
    public static IReadOnlyList<int> ApplyTo(BusinessCalendar calendar, IEnumerable<StoredCalendarYear> rows)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rows);
        var applied = new List<int>();
        foreach (var row in rows.Where(r => r.Json is not null).OrderBy(r => r.Year))
        {
            try
            {
                calendar.AddYear(HolidayCalendarData.Parse(row.Json!));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // Starting with a year silently missing would compute every deadline in it without holidays.
                throw new InvalidOperationException($"Stored calendar year {row.Year} cannot be loaded: {ex.Message}", ex);
            }

            applied.Add(row.Year);
        }

        return applied;
    }

    /// <summary>A copy of <paramref name="calendar"/> with <paramref name="year"/> added or replaced, for computing what it would change.</summary>
    /// <exception cref="ArgumentException">The year clashes with a neighbouring year about a date.</exception>
    public static BusinessCalendar WithYear(BusinessCalendar calendar, CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var years = calendar.LoadedYears.Where(y => y != year.Year).Select(y => calendar.GetYear(y)!).Append(year);
        return new BusinessCalendar(calendar.Options, years);
    }
}
