using System.Globalization;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Calendar;

/// <summary>Turns an uploaded year into a <see cref="CalendarYear"/>, or into field errors that name the offending date.</summary>
internal static class CalendarYearRequestParser
{
    public static CalendarYear? Parse(int year, CalendarYearRequest request, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var holidays = Days(request.Holidays, "holidays", found);
        var working = Days(request.WorkingWeekends, "workingWeekends", found);
        CalendarYear? result = null;
        if (found.Count == 0)
        {
            result = new CalendarYear(year, holidays, working, string.IsNullOrWhiteSpace(request.Source) ? null : request.Source.Trim());
            foreach (var message in result.Validate())
            {
                Add(found, FieldOf(message), message);
            }
        }

        errors = found.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return errors.Count == 0 ? result : null;
    }

    // CalendarYear.Validate speaks in sentences that name the date and the kind of entry; the kind tells the field.
    private static string FieldOf(string message) =>
        message.Contains("working weekend", StringComparison.Ordinal) ? "workingWeekends"
        : message.Contains("holiday", StringComparison.Ordinal) ? "holidays"
        : "year";

    private static List<CalendarDay> Days(IReadOnlyList<CalendarDayRequest>? days, string field, Dictionary<string, List<string>> errors)
    {
        var result = new List<CalendarDay>();
        if (days is null)
        {
            Add(errors, field, $"'{field}' is required (use [] for none).");
            return result;
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (day is null || !DateOnly.TryParseExact(day.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Add(errors, $"{field}[{i}].date", $"'{day?.Date}' is not a date like 2027-01-01.");
                continue;
            }

            // Names are checked by CalendarYear.Validate, which names the date.
            result.Add(new CalendarDay(date, day.Name?.Trim() ?? ""));
        }

        return result;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
