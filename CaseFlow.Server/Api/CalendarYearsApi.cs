using System.Security.Claims;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Calendar;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// The business calendar as administered data: list the years, upload a year (held as pending with its impact on
/// running deadlines), and confirm it (calendar, deadlines and timelines change together).
/// </summary>
public static class CalendarYearsApi
{
    public static IEndpointRouteBuilder MapCalendarYearsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar/years").WithTags("Calendar").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Years with holiday data: source (bundled or loaded), counts, and whether an upload is pending.");
        group.MapGet("/{year:int}", GetAsync).WithSummary("One year's holidays and working weekends, and the pending upload if any.");
        group.MapPut("/{year:int}", UploadAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Stores a year as pending and answers the running deadlines it would move; nothing changes until it is confirmed.");
        group.MapPost("/{year:int}/confirm", ConfirmAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Applies the pending year: the calendar, the moved deadlines and tasks, and a timeline entry per deadline, in one transaction.");
        return app;
    }

    private static async Task<IResult> ListAsync(CaseFlowDbContext db, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var rows = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(r => r.Year, cancellationToken);
        var years = calendar.LoadedYears.Union(rows.Keys).Order();
        return TypedResults.Ok(years.Select(y => Summary(y, calendar.GetYear(y), rows.GetValueOrDefault(y))).ToList());
    }

    private static async Task<IResult> GetAsync(int year, CaseFlowDbContext db, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var row = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        var loaded = calendar.GetYear(year);
        if (loaded is null && row is null)
        {
            return ApiProblems.NotFound($"No holiday data for {year}; an administrator loads it with PUT /api/calendar/years/{year}.");
        }

        var pending = row?.PendingJson is { } json ? HolidayCalendarData.Parse(json) : null;
        return TypedResults.Ok(new
        {
            summary = Summary(year, loaded, row),
            holidays = loaded?.Holidays ?? [],
            workingWeekends = loaded?.WorkingWeekends ?? [],
            pending = pending is null ? null : new { notice = pending.Source, holidays = pending.Holidays, workingWeekends = pending.WorkingWeekends, row!.PendingBy, row.PendingAt },
        });
    }

    private static async Task<IResult> UploadAsync(
        int year,
        CalendarYearRequest request,
        CaseFlowDbContext db,
        BusinessCalendar calendar,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var parsed = CalendarYearRequestParser.Parse(year, request, out var errors);
        if (parsed is null)
        {
            return ApiProblems.Validation(errors, $"The holiday arrangement for {year} is not consistent.");
        }

        BusinessCalendar proposed;
        try
        {
            proposed = StoredCalendarYears.WithYear(calendar, parsed);
        }
        catch (ArgumentException ex)
        {
            // A date the neighbouring year's notice treats the other way (a holiday there, worked here).
            return ApiProblems.Field("holidays", ex.Message);
        }

        var impact = await CalendarImpact.PlanAsync(db, calendar, proposed, cancellationToken);
        var row = await db.CalendarYears.SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        if (row is null)
        {
            row = new StoredCalendarYear { Year = year };
            db.CalendarYears.Add(row);
        }

        row.PendingJson = StoredCalendarYears.Serialize(parsed);
        row.PendingBy = CurrentUser.From(principal).UserName;
        row.PendingAt = clock.GetUtcNow();
        row.ConcurrencyVersion++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"Another administrator changed the calendar for {year} at the same moment; look at it again and retry.");
        }

        return TypedResults.Ok(new { year, state = "pending", holidays = parsed.Holidays.Count, workingWeekends = parsed.WorkingWeekends.Count, impact });
    }

    private static async Task<IResult> ConfirmAsync(
        int year,
        CaseFlowDbContext db,
        BusinessCalendar calendar,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var row = await db.CalendarYears.SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        if (row?.PendingJson is null)
        {
            return ApiProblems.Conflict($"Nothing is pending for {year}; upload it first with PUT /api/calendar/years/{year}.");
        }

        var pending = HolidayCalendarData.Parse(row.PendingJson);
        BusinessCalendar proposed;
        try
        {
            proposed = StoredCalendarYears.WithYear(calendar, pending);
        }
        catch (ArgumentException ex)
        {
            // A neighbouring year loaded since the upload disagrees about a date.
            return ApiProblems.Conflict(ex.Message);
        }

        // Planned again rather than taken from the upload's answer: deadlines opened or ended in between count too.
        var impact = await CalendarImpact.PlanAsync(db, calendar, proposed, cancellationToken);
        var now = clock.GetUtcNow();
        var user = CurrentUser.From(principal).UserName;
        CalendarImpact.Apply(db, impact, user, $"State Council holiday notice {year}", now);
        row.Json = row.PendingJson;
        row.LoadedBy = user;
        row.LoadedAt = now;
        row.PendingJson = null;
        row.PendingBy = null;
        row.PendingAt = null;
        row.ConcurrencyVersion++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"The calendar for {year} or one of its deadlines changed at the same moment; confirm again.");
        }

        // Only after the commit: a failed save must leave the running calendar as the database says it is.
        calendar.AddYear(pending);
        return TypedResults.Ok(new { year, state = "applied", recalculated = impact.Where(i => !i.NeedsReview), needsReview = impact.Where(i => i.NeedsReview) });
    }

    private static object Summary(int year, CalendarYear? loaded, StoredCalendarYear? row) => new
    {
        year,
        source = row?.Json is not null ? "loaded" : loaded is not null ? "bundled" : null,
        notice = loaded?.Source,
        holidays = loaded?.Holidays.Count ?? 0,
        workingWeekends = loaded?.WorkingWeekends.Count ?? 0,
        loadedBy = row?.LoadedBy,
        loadedAt = row?.LoadedAt,
        pending = row?.PendingJson is not null,
    };
}
