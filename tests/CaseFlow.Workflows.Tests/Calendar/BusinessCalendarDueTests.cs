using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Tests.Calendar;

/// <summary>Due instants: Shanghai dates, end of the last day, exact durations.</summary>
public sealed class BusinessCalendarDueTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly BusinessCalendar _calendar = new();

    [Fact]
    public void ComputeDue_EndsAtLastSecondOfLastDayInShanghai_ForWorkingDays()
    {
        var start = new DateTimeOffset(2026, 4, 30, 10, 0, 0, Shanghai);

        var due = _calendar.ComputeDue(start, BusinessDuration.Parse("7wd"));

        Assert.Equal(new DateTimeOffset(2026, 5, 13, 23, 59, 59, Shanghai), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void ComputeDue_CountsFromShanghaiDate_WhenUtcInstantIsAlreadyNextDayInShanghai()
    {
        // 16:30 UTC on Wed 04-29 is 00:30 on Thu 04-30 in Shanghai: the worked example's start day.
        var start = new DateTimeOffset(2026, 4, 29, 16, 30, 0, TimeSpan.Zero);

        var due = _calendar.ComputeDue(start, BusinessDuration.Parse("7wd"));

        Assert.Equal(new DateTimeOffset(2026, 5, 13, 15, 59, 59, TimeSpan.Zero), due);
    }

    [Fact]
    public void ComputeDue_CountsFromSameShanghaiDate_WhenUtcInstantIsBeforeShanghaiMidnight()
    {
        // 15:30 UTC on 04-29 is 23:30 on 04-29 in Shanghai, one working day earlier than the case above.
        var start = new DateTimeOffset(2026, 4, 29, 15, 30, 0, TimeSpan.Zero);

        var due = _calendar.ComputeDue(start, BusinessDuration.Parse("7wd"));

        Assert.Equal(new DateTimeOffset(2026, 5, 12, 23, 59, 59, Shanghai), due);
    }

    [Fact]
    public void ComputeDue_RollsPastHoliday_ForCalendarDays()
    {
        var start = new DateTimeOffset(2026, 7, 3, 9, 0, 0, Shanghai);

        var due = _calendar.ComputeDue(start, BusinessDuration.Parse("90d"));

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 23, 59, 59, Shanghai), due);
    }

    [Theory]
    [InlineData("PT5S", 0, 0, 5)]
    [InlineData("P3D", 72, 0, 0)]
    [InlineData("P1DT2H", 26, 0, 0)]
    public void ComputeDue_AddsElapsedTimeIgnoringHolidays_ForExactDuration(string text, int hours, int minutes, int seconds)
    {
        // Starts on the eve of National Day: an exact duration runs straight through the holiday.
        var start = new DateTimeOffset(2026, 9, 30, 18, 15, 0, Shanghai);

        var due = _calendar.ComputeDue(start, BusinessDuration.Parse(text));

        Assert.Equal(start + new TimeSpan(hours, minutes, seconds), due);
    }

    [Fact]
    public void ToLocalDate_ConvertsToShanghai_ForUtcInstant()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), _calendar.ToLocalDate(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 12, 31), _calendar.ToLocalDate(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void EndOfDay_IsEightHoursAheadOfUtc_InShanghai()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 59, 59, TimeSpan.Zero), _calendar.EndOfDay(new DateOnly(2026, 3, 9)));
    }
}
