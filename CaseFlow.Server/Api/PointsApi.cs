using System.Globalization;
using System.Security.Claims;
using CaseFlow.Server.Api.Contracts;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Hosting;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Points;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Server.Api;

/// <summary>The points ledger (积分制): supervisors record manual events; everyone reads entries and totals, handlers only their own.</summary>
public static class PointsApi
{
    private const int MaxDetailsLength = 1000;

    public static IEndpointRouteBuilder MapPointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/points").WithTags("Points").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Entries and totals per handler; from/to are Shanghai dates, inclusive. Handlers see only their own.");
        group.MapPost("/", RecordAsync).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .WithSummary("Records a manual event (ViolationLeadFound, ComplaintAboutHandler) for a handler and case.");
        return app;
    }

    public sealed record PointsEntryResponse(long Id, string UserName, string Event, int Points, Guid? CaseId, DateTimeOffset At, string? Details, string RecordedBy);

    public sealed record PointsTotalResponse(string UserName, int Points, int Entries);

    private static async Task<IResult> RecordAsync(
        RecordPointsRequest request,
        CaseFlowDbContext db,
        IOptionsMonitor<PointsOptions> options,
        TimeProvider clock,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.UserName) || !await db.Users.AnyAsync(u => u.UserName == request.UserName, cancellationToken))
        {
            errors["userName"] = [$"There is no user '{request.UserName}'."];
        }

        if (request.Event is null || !PointEvents.Manual.Contains(request.Event))
        {
            errors["event"] = [$"event must be one of {string.Join(", ", PointEvents.Manual.Order(StringComparer.Ordinal))}; the others are recorded by the server."];
        }

        if (request.CaseId is null || !await db.Cases.AnyAsync(c => c.Id == request.CaseId, cancellationToken))
        {
            errors["caseId"] = [$"There is no case '{request.CaseId}'."];
        }

        if (request.Details?.Length > MaxDetailsLength)
        {
            errors["details"] = [$"details may have at most {MaxDetailsLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var entry = new StoredPointsEntry
        {
            UserName = request.UserName!,
            Event = request.Event!,
            Points = options.CurrentValue.For(request.Event!) ?? 0,
            CaseId = request.CaseId,
            At = clock.GetUtcNow(),
            Details = string.IsNullOrWhiteSpace(request.Details) ? null : request.Details.Trim(),
            RecordedBy = CurrentUser.From(principal).UserName,
        };
        db.PointsEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(entry));
    }

    private static async Task<IResult> ListAsync(
        string? userName,
        string? from,
        string? to,
        CaseFlowDbContext db,
        BusinessCalendar calendar,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        if (!user.IsSupervisorOrAdmin)
        {
            if (userName is not null && userName != user.UserName)
            {
                return ApiProblems.Forbidden("Handlers see only their own points.");
            }

            userName = user.UserName;
        }

        var query = db.PointsEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(userName))
        {
            query = query.Where(p => p.UserName == userName);
        }

        if (from is not null)
        {
            if (!TryDate(from, out var day))
            {
                return ApiProblems.Field("from", "from must be a date like 2026-11-01.");
            }

            var start = StartOf(calendar, day);
            query = query.Where(p => p.At >= start);
        }

        if (to is not null)
        {
            if (!TryDate(to, out var day))
            {
                return ApiProblems.Field("to", "to must be a date like 2026-11-30.");
            }

            var end = StartOf(calendar, day.AddDays(1));
            query = query.Where(p => p.At < end);
        }

        var entries = await query.OrderBy(p => p.At).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var totals = entries.GroupBy(p => p.UserName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PointsTotalResponse(g.Key, g.Sum(p => p.Points), g.Count())).ToList();
        return TypedResults.Ok(new { userName, from, to, entries = entries.Select(ToResponse).ToList(), totals });
    }

    private static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    // Periods are the handler's working days, so they start at Shanghai midnight, not UTC midnight.
    private static DateTimeOffset StartOf(BusinessCalendar calendar, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static PointsEntryResponse ToResponse(StoredPointsEntry p) =>
        new(p.Id, p.UserName, p.Event, p.Points, p.CaseId, p.At, p.Details, p.RecordedBy);
}
