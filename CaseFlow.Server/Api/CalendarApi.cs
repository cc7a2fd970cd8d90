using System.Globalization;
using CaseFlow.Server.Calendar;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/calendar/due</c>: the statutory due date of a period on the business calendar.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/due", GetDue).WithTags("Calendar").RequireAuthorization()
            .WithSummary("Due date of N working days or N calendar days from a start date (start day not counted); provisional when it reaches into a year without holiday data.");
        app.MapGet("/api/calendar/coverage", GetCoverage).WithTags("Calendar").RequireAuthorization()
            .WithSummary("Which years have holiday data, and from 1 November a warning when next year's is missing.");
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<CalendarCoverage> GetCoverage(BusinessCalendar calendar, TimeProvider clock) =>
        TypedResults.Ok(CalendarCoverage.Read(calendar, calendar.ToLocalDate(clock.GetUtcNow())));

    private static IResult GetDue(string? from, int? workingDays, int? calendarDays, IBusinessCalendar calendar)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return ApiProblems.Field("from", "from must be a date like 2026-04-30.");
        }

        if ((workingDays is null) == (calendarDays is null))
        {
            return ApiProblems.Field("workingDays", "Give exactly one of workingDays or calendarDays.");
        }

        var days = workingDays ?? calendarDays!.Value;
        if (days is < 0 or > BusinessDuration.MaxDays)
        {
            return ApiProblems.Field(workingDays is null ? "calendarDays" : "workingDays", $"The number of days must be between 0 and {BusinessDuration.MaxDays}.");
        }

        var due = workingDays is not null ? calendar.AddWorkingDays(start, days) : calendar.AddCalendarDays(start, days);
        return TypedResults.Ok(new
        {
            from = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            due = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            unit = workingDays is not null ? "workingDays" : "calendarDays",
            days,
            provisional = calendar.IsProvisional(start, due),
            note = calendar.IsProvisional(start, due)
                ? "期间跨入尚未载入放假安排的年度，暂按元旦、劳动节、国庆节的法定日期计算，载入该年度后可能变化。The period reaches into a year whose holidays are not loaded; only the fixed-date holidays were counted."
                : null,
        });
    }
}
