using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Tests.Calendar;

/// <summary>Parsing of deadline and timer durations.</summary>
public sealed class BusinessDurationTests
{
    [Theory]
    [InlineData("7wd", DurationUnit.WorkingDays, 7)]
    [InlineData("60d", DurationUnit.CalendarDays, 60)]
    [InlineData(" 15wd ", DurationUnit.WorkingDays, 15)]
    [InlineData("3650d", DurationUnit.CalendarDays, 3650)]
    public void TryParse_ReadsDayForms_WhenWellFormed(string text, DurationUnit unit, int days)
    {
        Assert.True(BusinessDuration.TryParse(text, out var duration, out var error));

        Assert.Null(error);
        Assert.Equal(new BusinessDuration(unit, days, TimeSpan.Zero), duration);
    }

    [Theory]
    [InlineData("PT5S", 5)]
    [InlineData("P3D", 3 * 86400)]
    [InlineData("PT1M", 60)]
    [InlineData("P1DT2H", 26 * 3600)]
    public void TryParse_ReadsIsoDuration_AsExact(string text, int seconds)
    {
        Assert.True(BusinessDuration.TryParse(text, out var duration, out _));

        Assert.Equal(DurationUnit.Exact, duration.Unit);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration.Exact);
    }

    [Theory]
    [InlineData("7 days")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("-1d")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("PT0S")]
    [InlineData("7WD")]
    public void TryParse_RefusesWithGuidance_WhenMalformed(string? text)
    {
        Assert.False(BusinessDuration.TryParse(text, out var duration, out var error));

        Assert.Equal(default, duration);
        Assert.Equal(
            $"'{text?.Trim()}' is not a duration: use working days like 7wd, calendar days like 60d, or ISO 8601 like PT5S or P3D (no years or months).",
            error);
    }

    [Fact]
    public void TryParse_RefusesWithLimit_WhenTooManyDays()
    {
        Assert.False(BusinessDuration.TryParse("3651d", out _, out var error));

        Assert.Equal("'3651d' is too long; at most 3650 days.", error);
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionWithReason_WhenMalformed()
    {
        var ex = Assert.Throws<FormatException>(() => BusinessDuration.Parse("7 days"));

        Assert.StartsWith("'7 days' is not a duration", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7wd")]
    [InlineData("60d")]
    [InlineData("PT5S")]
    [InlineData("P3D")]
    public void ToString_RoundTrips_ForParsedText(string text)
    {
        Assert.Equal(text, BusinessDuration.Parse(text).ToString());
    }
}
