namespace CaseFlow.Workflows.Calendar;

/// <summary>
/// The statutory holidays on fixed Gregorian dates (《全国年节及纪念日放假办法》, as amended in 2024: 元旦 1 January,
/// 劳动节 1–2 May, 国庆节 1–3 October). They are certain before a year's arrangement is published, unlike the lunar
/// holidays and the make-up working days, so a year without data is counted with these and marked provisional.
/// </summary>
public static class FixedStatutoryHolidays
{
    /// <summary>Whether <paramref name="day"/> is one of the fixed-date statutory holidays.</summary>
    public static bool Contains(DateOnly day) => NameOf(day) is not null;

    /// <summary>The holiday's Chinese name, or null.</summary>
    public static string? NameOf(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, 1) => "元旦",
        (5, 1) or (5, 2) => "劳动节",
        (10, 1) or (10, 2) or (10, 3) => "国庆节",
        _ => null,
    };
}
