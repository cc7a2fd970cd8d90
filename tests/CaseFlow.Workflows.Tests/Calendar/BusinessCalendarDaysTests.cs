using CaseFlow.Workflows.Calendar;
using static CaseFlow.Workflows.Tests.Calendar.BusinessCalendarCountingTests;

namespace CaseFlow.Workflows.Tests.Calendar;

/// <summary>Which days are working days, from the bundled 2025 and 2026 data (rules.md §5.1).</summary>
public sealed class BusinessCalendarDaysTests
{
    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void IsWorkingDay_Has248WorkingDays_ForBundledYear(int year)
    {
        var count = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            count += _calendar.IsWorkingDay(day) ? 1 : 0;
        }

        Assert.Equal(248, count);
    }

    [Theory]
    [InlineData("2025-01-26")]
    [InlineData("2025-02-08")]
    [InlineData("2025-04-27")]
    [InlineData("2025-09-28")]
    [InlineData("2025-10-11")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void IsWorkingDay_IsTrue_ForMakeUpWeekend(string date)
    {
        var day = Day(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "test data must be a weekend");
        Assert.True(_calendar.IsWorkingDay(day));
        Assert.False(_calendar.IsHoliday(day));
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-01-28")]
    [InlineData("2025-02-04")]
    [InlineData("2025-05-05")]
    [InlineData("2025-06-02")]
    [InlineData("2025-10-08")]
    [InlineData("2026-01-02")]
    [InlineData("2026-02-23")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-05")]
    [InlineData("2026-06-19")]
    [InlineData("2026-09-25")]
    [InlineData("2026-10-07")]
    public void IsWorkingDay_IsFalse_ForHolidayWeekday(string date)
    {
        var day = Day(date);
        Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "test data must be a weekday");
        Assert.False(_calendar.IsWorkingDay(day));
        Assert.True(_calendar.IsHoliday(day));
    }

    [Fact]
    public void IsWorkingDay_FollowsWeekdays_ForOrdinaryDays()
    {
        Assert.True(_calendar.IsWorkingDay(Day("2026-03-06")));
        Assert.False(_calendar.IsWorkingDay(Day("2026-03-07")));
        Assert.False(_calendar.IsWorkingDay(Day("2026-03-08")));
        Assert.True(_calendar.IsWorkingDay(Day("2026-03-09")));
    }

    [Fact]
    public void GetDayName_ReturnsChineseNames_ForHolidayAndMakeUpDay()
    {
        Assert.Equal("国庆节", _calendar.GetDayName(Day("2026-10-01")));
        Assert.Equal("国庆节、中秋节", _calendar.GetDayName(Day("2025-10-06")));
        Assert.Equal("春节调休上班", _calendar.GetDayName(Day("2026-02-14")));
        Assert.Null(_calendar.GetDayName(Day("2026-03-09")));
    }

    [Fact]
    public void HasDataFor_IsTrueOnlyForLoadedYears_WhenBundled()
    {
        Assert.True(_calendar.HasDataFor(2025));
        Assert.True(_calendar.HasDataFor(2026));
        Assert.False(_calendar.HasDataFor(2027));
        Assert.Equal([2025, 2026], _calendar.LoadedYears);
    }

    [Fact]
    public void HasDataFor_IsReachableThroughInterface_WhenBundled()
    {
        IBusinessCalendar calendar = _calendar;
        Assert.False(calendar.HasDataFor(2027));
        Assert.True(calendar.HasDataFor(2026));
    }

    private static readonly string[] FixedHolidays2027 = ["2027-05-01", "2027-05-02", "2027-10-01", "2027-10-02", "2027-10-03"];

    [Fact]
    public void IsWorkingDay_CountsTheFixedDateHolidays_WhenYearHasNoData()
    {
        // 2027-01-01 is a Friday; with no 2027 notice loaded, 元旦 is still a statutory holiday on its fixed date.
        Assert.False(_calendar.IsWorkingDay(Day("2027-01-01")));
        Assert.False(_calendar.IsWorkingDay(Day("2027-01-02")));
        Assert.True(_calendar.IsWorkingDay(Day("2027-01-04")));
        Assert.Equal(Day("2027-01-05"), _calendar.AddWorkingDays(Day("2026-12-31"), 2));
        Assert.All(FixedHolidays2027, d => Assert.True(_calendar.IsHoliday(Day(d))));
        Assert.StartsWith("元旦", _calendar.GetDayName(Day("2027-01-01")), StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_IntoAYearWithoutData_SkipsNewYearsDay_AndIsProvisional()
    {
        // The example: 7 working days from Mon 2026-12-28 are 29, 30, 31 Dec and 4, 5, 6, 7 Jan (元旦 skipped).
        Assert.Equal(Day("2027-01-07"), _calendar.AddWorkingDays(Day("2026-12-28"), 7));
        Assert.True(_calendar.IsProvisional(Day("2026-12-28"), Day("2027-01-07")));
        Assert.False(_calendar.IsProvisional(Day("2026-04-30"), Day("2026-05-13")));
    }

    [Fact]
    public void AddCalendarDays_EndingOnAFixedHolidayOfAnUnknownYear_RollsOver()
    {
        // 2027-10-01 (Fri) is National Day whether or not the 2027 notice is loaded; the period ends after 1–3 October.
        Assert.Equal(Day("2027-10-04"), _calendar.AddCalendarDays(Day("2027-09-01"), 30));
    }
}
