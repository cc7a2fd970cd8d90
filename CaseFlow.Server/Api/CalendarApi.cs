using System.Globalization;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Api;

/// <summary><c>GET /api/calendar/due</c>: the statutory due date of a period on the business calendar.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar/due", GetDue).WithTags("Calendar").RequireAuthorization()
            .WithSummary("Due date of N working days or N calendar days from a start date (start day not counted).");
        return app;
    }

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
        });
    }
}
