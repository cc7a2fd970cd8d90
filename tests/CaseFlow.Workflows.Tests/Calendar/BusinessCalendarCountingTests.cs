using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Tests.Calendar;

/// <summary>The counting rules of rules.md §5.2, including all five worked examples.</summary>
public sealed class BusinessCalendarCountingTests
{
    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData("2026-04-30", 7, "2026-05-13")] // 5/1-5/5 off, Sat 5/9 worked
    [InlineData("2025-09-26", 7, "2025-10-13")] // Sun 9/28 worked, 10/1-10/8 off, Sat 10/11 worked
    [InlineData("2026-02-12", 15, "2026-03-11")] // Sat 2/14 and 2/28 worked, 2/15-2/23 off
    public void AddWorkingDays_MatchesWorkedExample_AcrossHolidaysAndMakeUpDays(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), _calendar.AddWorkingDays(Day(start), days));
    }

    [Theory]
    [InlineData("2026-04-15", 60, "2026-06-15")] // lands on Sun 06-14, rolled to Monday
    [InlineData("2026-07-03", 90, "2026-10-08")] // lands on Thu 10-01 (National Day), rolled past the holiday
    public void AddCalendarDays_MatchesWorkedExample_RollingOffNonWorkingEnd(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), _calendar.AddCalendarDays(Day(start), days));
    }

    [Fact]
    public void AddWorkingDays_SkipsStartDay_WhenStartIsWorkingDay()
    {
        // Mon 2026-03-02 + 1: the start day is not counted, so the period is Tuesday.
        Assert.Equal(Day("2026-03-03"), _calendar.AddWorkingDays(Day("2026-03-02"), 1));
    }

    [Fact]
    public void AddWorkingDays_CountsFromNextWorkingDay_WhenStartIsWeekend()
    {
        // Received Sat 2026-03-07: counting starts Monday 03-09.
        Assert.Equal(Day("2026-03-09"), _calendar.AddWorkingDays(Day("2026-03-07"), 1));
    }

    [Fact]
    public void AddWorkingDays_ReturnsStart_WhenZero()
    {
        Assert.Equal(Day("2026-10-03"), _calendar.AddWorkingDays(Day("2026-10-03"), 0));
    }

    [Fact]
    public void AddWorkingDays_Throws_WhenNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(Day("2026-03-02"), -1));
    }

    [Fact]
    public void AddCalendarDays_RollsToNextWorkingDay_WhenEndIsWeekendAndSettingOn()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { RollCalendarPeriodsOverWeekends = true });
        Assert.Equal(Day("2026-06-15"), calendar.AddCalendarDays(Day("2026-04-15"), 60));
    }

    [Fact]
    public void AddCalendarDays_EndsOnWeekend_WhenSettingOff()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { RollCalendarPeriodsOverWeekends = false });
        Assert.Equal(Day("2026-06-14"), calendar.AddCalendarDays(Day("2026-04-15"), 60));
    }

    [Fact]
    public void AddCalendarDays_StillRollsOverHoliday_WhenWeekendSettingOff()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { RollCalendarPeriodsOverWeekends = false });
        Assert.Equal(Day("2026-10-08"), calendar.AddCalendarDays(Day("2026-07-03"), 90));
    }

    [Fact]
    public void AddCalendarDays_EndsOnMakeUpSunday_WhenHolidayEndsTheDayBefore()
    {
        // Ends Sat 2026-01-03 (元旦); Sun 01-04 is a make-up working day, so the period ends there.
        Assert.Equal(Day("2026-01-04"), _calendar.AddCalendarDays(Day("2025-12-29"), 5));
    }

    [Fact]
    public void AddCalendarDays_DoesNotRoll_WhenEndIsMakeUpSaturday()
    {
        // Sat 2026-10-10 is a working day (调休上班).
        Assert.Equal(Day("2026-10-10"), _calendar.AddCalendarDays(Day("2026-09-30"), 10));
    }

    [Fact]
    public void AddCalendarDays_DoesNotRoll_WhenEndIsOrdinaryWeekday()
    {
        Assert.Equal(Day("2026-03-31"), _calendar.AddCalendarDays(Day("2026-03-01"), 30));
    }

    [Theory]
    [InlineData("2026-05-13", "2026-05-13", 0)]
    [InlineData("2026-04-30", "2026-05-13", 7)]
    [InlineData("2026-05-08", "2026-05-11", 2)] // Sat 5/9 is worked
    [InlineData("2026-05-14", "2026-05-13", -1)]
    [InlineData("2026-10-08", "2026-09-30", -1)] // the whole National Day holiday lies in between
    [InlineData("2026-03-16", "2026-03-06", -6)]
    public void WorkingDaysLeft_CountsWorkingDaysAfterTodayUpToDue(string today, string due, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysLeft(Day(today), Day(due)));
    }

    [Fact]
    public void WorkingDaysLeft_IsNegative_WhenOverdueButNoWorkingDayPassed()
    {
        // Due Fri 2026-03-06, today Saturday: overdue, and must not read as "due today" (0).
        Assert.Equal(-1, _calendar.WorkingDaysLeft(Day("2026-03-07"), Day("2026-03-06")));
    }

    [Fact]
    public void WorkingDaysLeft_IsInverseOfAddWorkingDays_OverBothYears()
    {
        for (var start = Day("2025-01-01"); start < Day("2026-12-01"); start = start.AddDays(1))
        {
            Assert.Equal(15, _calendar.WorkingDaysLeft(start, _calendar.AddWorkingDays(start, 15)));
        }
    }

    internal static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
