using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace CaseFlow.Workflows.Calendar;

/// <summary>A deadline or timer duration: ISO 8601, or the business-calendar forms <c>7wd</c> and <c>60d</c>.</summary>
/// <param name="Unit">How it is counted.</param>
/// <param name="Days">For day units: the number of days.</param>
/// <param name="Exact">For <see cref="DurationUnit.Exact"/>: the elapsed time.</param>
public readonly partial record struct BusinessDuration(DurationUnit Unit, int Days, TimeSpan Exact)
{
    /// <summary>Largest day count accepted; larger values are almost certainly typos.</summary>
    public const int MaxDays = 3650;

    /// <summary>Parses <c>7wd</c>, <c>60d</c> or an ISO 8601 duration (<c>PT5S</c>, <c>P3D</c>, <c>P1DT2H</c>).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="duration">The parsed duration.</param>
    /// <param name="error">Why the text is not a duration, in a sentence.</param>
    public static bool TryParse(string? text, out BusinessDuration duration, out string? error)
    {
        duration = default;
        error = null;
        var trimmed = text?.Trim() ?? "";
        var match = DayForm().Match(trimmed);
        if (match.Success)
        {
            if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > MaxDays)
            {
                error = $"'{trimmed}' is too long; at most {MaxDays} days.";
                return false;
            }

            var unit = match.Groups["u"].Value == "wd" ? DurationUnit.WorkingDays : DurationUnit.CalendarDays;
            duration = new BusinessDuration(unit, days, TimeSpan.Zero);
            return true;
        }

        if (trimmed.StartsWith('P') && !trimmed.Contains('Y', StringComparison.Ordinal) && !MonthForm().IsMatch(trimmed))
        {
            try
            {
                var span = XmlConvert.ToTimeSpan(trimmed);
                if (span > TimeSpan.Zero && span <= TimeSpan.FromDays(MaxDays))
                {
                    duration = new BusinessDuration(DurationUnit.Exact, 0, span);
                    return true;
                }
            }
            catch (FormatException)
            {
                // fall through to the error below
            }
        }

        error = $"'{trimmed}' is not a duration: use working days like 7wd, calendar days like 60d, or ISO 8601 like PT5S or P3D (no years or months).";
        return false;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the reason.</summary>
    public static BusinessDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Unit switch
    {
        DurationUnit.WorkingDays => $"{Days}wd",
        DurationUnit.CalendarDays => $"{Days}d",
        _ => XmlConvert.ToString(Exact),
    };

    [GeneratedRegex(@"^(?<n>\d{1,6})(?<u>wd|d)$")]
    private static partial Regex DayForm();

    // ISO months (P1M) have no fixed length; refuse them rather than guess. Minutes (PT1M) are fine.
    [GeneratedRegex(@"^P[^T]*M")]
    private static partial Regex MonthForm();
}
