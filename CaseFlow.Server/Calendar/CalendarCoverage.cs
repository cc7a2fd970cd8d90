using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Calendar;

/// <summary>
/// Which years the business calendar knows, and whether an administrator must be told that next year's arrangement is
/// missing. The State Council publishes it in November, so from 1 November a missing next year is a warning: deadlines
/// reaching into it are counted with the fixed-date holidays only and are marked provisional until the year is loaded.
/// </summary>
public sealed record CalendarCoverage(IReadOnlyList<int> LoadedYears, int NextYear, bool NextYearLoaded, string? Warning, string? WarningEn)
{
    /// <summary>The month from which a missing next year is warned about.</summary>
    public const int WarnFromMonth = 11;

    public static CalendarCoverage Read(BusinessCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var next = today.Year + 1;
        var loaded = calendar.HasDataFor(next);
        var warn = !loaded && today.Month >= WarnFromMonth;
        return new CalendarCoverage(
            calendar.LoadedYears,
            next,
            loaded,
            warn ? $"{next} 年放假安排尚未载入：跨入 {next} 年的期限暂按元旦、劳动节、国庆节的法定日期计算并标为“暂定”。国务院办公厅通知发布后，请在“节假日日历”中载入 {next} 年并确认重新计算。" : null,
            warn ? $"The {next} holiday arrangement is not loaded: deadlines reaching into {next} count only the fixed-date holidays and are marked provisional. Load {next} under Calendar once the State Council notice is out, and confirm the recalculation." : null);
    }
}
