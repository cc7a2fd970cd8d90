using CaseFlow.Server.Calendar;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Calendar;

/// <summary>The start-up loader: what a restarted server puts into its calendar from the stored rows.</summary>
public sealed class StoredCalendarYearsTests
{
    private static readonly CalendarYear Year2027 = new(2027, [new(new DateOnly(2027, 1, 1), "元旦")], [new(new DateOnly(2027, 2, 6), "春节调休上班")], "notice 2027");

    [Fact]
    public void ApplyTo_LoadsStoredYears_AndReplacesABundledOne()
    {
        var calendar = new BusinessCalendar();
        var corrected2026 = new CalendarYear(2026, [new(new DateOnly(2026, 12, 30), "test holiday")], [], "corrected");
        StoredCalendarYear[] rows =
        [
            new() { Year = 2027, Json = StoredCalendarYears.Serialize(Year2027) },
            new() { Year = 2026, Json = StoredCalendarYears.Serialize(corrected2026) },
        ];

        var applied = StoredCalendarYears.ApplyTo(calendar, rows);

        Assert.Equal([2026, 2027], applied);
        Assert.True(calendar.HasDataFor(2027));
        Assert.True(calendar.IsHoliday(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 6)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 12, 30)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsHoliday(new DateOnly(2025, 10, 1)));
    }

    [Fact]
    public void ApplyTo_IgnoresAPendingUpload()
    {
        var calendar = new BusinessCalendar();

        var applied = StoredCalendarYears.ApplyTo(calendar, [new StoredCalendarYear { Year = 2027, PendingJson = StoredCalendarYears.Serialize(Year2027) }]);

        Assert.Empty(applied);
        Assert.False(calendar.HasDataFor(2027));
    }

    [Fact]
    public void ApplyTo_RefusesAStoredYearThatClashesWithAnother()
    {
        var calendar = new BusinessCalendar();
        var clash = new CalendarYear(2027, [new(new DateOnly(2026, 10, 10), "clash")], []);

        var error = Assert.Throws<InvalidOperationException>(() => StoredCalendarYears.ApplyTo(calendar, [new StoredCalendarYear { Year = 2027, Json = StoredCalendarYears.Serialize(clash) }]));

        Assert.Contains("2026-10-10", error.Message, StringComparison.Ordinal);
    }
}
