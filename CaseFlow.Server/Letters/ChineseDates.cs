using System.Globalization;

namespace CaseFlow.Server.Letters;

/// <summary>Dates as Chinese letters write them: 2026年5月13日.</summary>
public static class ChineseDates
{
    public static string Format(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    /// <summary>An ISO 8601 instant or date given as a merge value, formatted as a Shanghai date; other text unchanged.</summary>
    public static string FormatIfDate(string value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Format(day);
        }

        // Only full ISO instants (with a time part); "5" or "2026" must stay as they are.
        if (value.Length >= 19 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
        {
            return Format(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime));
        }

        return value;
    }
}
