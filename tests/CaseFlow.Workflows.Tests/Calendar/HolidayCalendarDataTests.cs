using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Tests.Calendar;

/// <summary>Loading holiday arrangements from JSON and adding years at run time.</summary>
public sealed class HolidayCalendarDataTests
{
    private const string Year2027 = """
        {
          // a made-up 2027 arrangement, for the test only
          "year": 2027,
          "source": "test",
          "holidays": [ { "date": "2027-01-01", "name": "元旦" } ],
          "workingWeekends": [ { "date": "2027-01-02", "name": "元旦调休上班" }, ],
        }
        """;

    [Fact]
    public void LoadBundled_Returns2025And2026_FromEmbeddedJson()
    {
        var years = HolidayCalendarData.LoadBundled();

        Assert.Equal([2025, 2026], years.Select(y => y.Year));
        Assert.Equal(28, years[0].Holidays.Count);
        Assert.Equal(5, years[0].WorkingWeekends.Count);
        Assert.Equal(33, years[1].Holidays.Count);
        Assert.Equal(6, years[1].WorkingWeekends.Count);
        Assert.All(years, y => Assert.Empty(y.Validate()));
    }

    [Fact]
    public void Parse_ReadsYear_WithCommentsAndTrailingCommas()
    {
        var year = HolidayCalendarData.Parse(Year2027);

        Assert.Equal(2027, year.Year);
        Assert.Equal(new CalendarDay(new DateOnly(2027, 1, 1), "元旦"), year.Holidays.Single());
    }

    [Theory]
    [InlineData("""{ "year": 2027, "holidays": [] }""", "workingWeekends")]
    [InlineData("""{ "year": 2027, "holidays": [ { "date": "2027-13-01", "name": "x" } ], "workingWeekends": [] }""", "invalid")]
    [InlineData("""{ "year": 2027, "holidays": [], "workingWeekends": [ { "date": "2027-01-04", "name": "x" } ] }""", "Monday")]
    [InlineData("""{ "year": 2027, "holidays": [ { "date": "2027-01-02", "name": "x" } ], "workingWeekends": [ { "date": "2027-01-02", "name": "y" } ] }""", "both")]
    [InlineData("""{ "year": 2027, "holidays": [ { "date": "2029-01-01", "name": "x" } ], "workingWeekends": [] }""", "not in or next to 2027")]
    [InlineData("""{ "year": 2027, "holidays": [ { "date": "2027-01-01", "name": "" } ], "workingWeekends": [] }""", "no name")]
    [InlineData("null", "empty")]
    public void Parse_ThrowsFormatExceptionSayingWhy_WhenDataIsBad(string json, string expectedInMessage)
    {
        var ex = Assert.Throws<FormatException>(() => HolidayCalendarData.Parse(json));

        Assert.Contains(expectedInMessage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddYear_MakesNewYearsHolidaysCount_WhenLoadedAtRunTime()
    {
        var calendar = new BusinessCalendar();
        var newYearsDay = new DateOnly(2027, 1, 1);
        Assert.False(calendar.IsWorkingDay(newYearsDay));                 // a fixed-date holiday counts before the notice
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));    // a make-up Saturday cannot be known before it

        calendar.AddYear(HolidayCalendarData.Parse(Year2027));

        Assert.True(calendar.HasDataFor(2027));
        Assert.False(calendar.IsWorkingDay(newYearsDay));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.Equal(new DateOnly(2027, 1, 2), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
    }

    [Fact]
    public void AddYear_ReplacesYear_WhenYearAlreadyLoaded()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions(), [HolidayCalendarData.Parse(Year2027)]);
        var corrected = new CalendarYear(2027, [new CalendarDay(new DateOnly(2027, 1, 4), "元旦")], []);

        calendar.AddYear(corrected);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.Same(corrected, calendar.GetYear(2027));
    }

    [Fact]
    public void AddYear_Throws_WhenYearContradictsAnotherYear()
    {
        var calendar = new BusinessCalendar();
        var clash = new CalendarYear(2027, [new CalendarDay(new DateOnly(2026, 10, 10), "假")], []);

        var ex = Assert.Throws<ArgumentException>(() => calendar.AddYear(clash));

        Assert.Contains("2026-10-10", ex.Message, StringComparison.Ordinal);
        Assert.False(calendar.HasDataFor(2027));
    }

    [Fact]
    public void Constructor_LoadsOnlyGivenYears_WhenYearsPassed()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions(), []);

        Assert.False(calendar.HasDataFor(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1))); // National Day is a fixed date
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));  // the Spring Festival is not, so it is unknown
    }

    [Fact]
    public async Task AddYear_LosesNoYearAndDisturbsNoReader_WhenCalledConcurrently()
    {
        var calendar = new BusinessCalendar();
        var years = Enumerable.Range(2027, 40)
            .Select(y => new CalendarYear(y, [new CalendarDay(new DateOnly(y, 3, 3), "测试")], []))
            .ToList();

        // While years are added, the bundled data must read the same on every thread.
        var reader = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                Assert.Equal(new DateOnly(2026, 5, 13), calendar.AddWorkingDays(new DateOnly(2026, 4, 30), 7));
            }
        }, TestContext.Current.CancellationToken);
        Parallel.ForEach(years, calendar.AddYear);
        await reader;

        Assert.Equal(42, calendar.LoadedYears.Count);
        Assert.All(years, y => Assert.Equal("测试", calendar.GetDayName(new DateOnly(y.Year, 3, 3))));
    }
}
