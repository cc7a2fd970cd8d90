using System.Globalization;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The range a date in a case can have: not before the founding of the People's Republic (1949-10-01, Beijing time)
/// and not in the future (five minutes of clock drift allowed). Outside it, a date is a typo or a probe.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateTimeOffset Earliest = new(1949, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Null when <paramref name="value"/> is in range; otherwise the message (Chinese first) for the field.</summary>
    public static string? Problem(DateTimeOffset value, DateTimeOffset now)
    {
        if (value < Earliest)
        {
            return string.Create(CultureInfo.InvariantCulture, $"日期不能早于 1949-10-01。 The date must not be before 1949-10-01; {value:yyyy-MM-dd} is not a plausible date.");
        }

        return value > now.AddMinutes(5)
            ? "日期不能晚于当前时间。 The date is in the future; give the date it happened."
            : null;
    }
}
