using System.Globalization;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Reports;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/reports/summary</c>: the figures and sentences of a bureau's work report for a period, as JSON, CSV or XLSX.
/// Dates are Shanghai dates, both inclusive. Supervisors and admins only.
/// </summary>
public static class ReportsApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor, Roles.Admin));
        group.MapGet("/summary", SummaryAsync).WithSummary("Received, accepted, closed, rates, money recovered, cases opened, transfers by category and the narrative. from/to: Shanghai dates, inclusive; default this year to today.");
        group.MapGet("/summary.csv", CsvAsync).WithSummary("The summary as CSV (UTF-8 with BOM).");
        group.MapGet("/summary.xlsx", XlsxAsync).WithSummary("The summary as an Excel workbook.");
        return app;
    }

    private static async Task<IResult> SummaryAsync(string? from, string? to, string? officeId, CaseFlowDbContext db, BusinessCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (problem, summary) = await BuildAsync(from, to, officeId, db, calendar, clock, cancellationToken);
        return problem ?? TypedResults.Ok(summary);
    }

    private static async Task<IResult> CsvAsync(string? from, string? to, string? officeId, CaseFlowDbContext db, BusinessCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (problem, summary) = await BuildAsync(from, to, officeId, db, calendar, clock, cancellationToken);
        return problem ?? TypedResults.File(SummaryCsv.Write(summary!), "text/csv; charset=utf-8", FileName(summary!, "csv"));
    }

    private static async Task<IResult> XlsxAsync(string? from, string? to, string? officeId, CaseFlowDbContext db, BusinessCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (problem, summary) = await BuildAsync(from, to, officeId, db, calendar, clock, cancellationToken);
        return problem ?? TypedResults.File(SummaryXlsx.Write(summary!), XlsxType, FileName(summary!, "xlsx"));
    }

    private static string FileName(ReportSummary summary, string extension) =>
        $"summary-{summary.From}-{summary.To}{(summary.OfficeId is null ? "" : "-" + summary.OfficeId)}.{extension}";

    private static async Task<(IResult? Problem, ReportSummary? Summary)> BuildAsync(
        string? from, string? to, string? officeId, CaseFlowDbContext db, BusinessCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = calendar.ToLocalDate(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fromDay = Parse(from, "from", new DateOnly(today.Year, 1, 1), errors);
        var toDay = Parse(to, "to", today, errors);
        if (errors.Count == 0 && toDay < fromDay)
        {
            errors["to"] = [$"to ({toDay:yyyy-MM-dd}) is before from ({fromDay:yyyy-MM-dd})."];
        }

        string? officeName = null;
        if (!string.IsNullOrWhiteSpace(officeId))
        {
            officeName = await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
            if (officeName is null)
            {
                errors["officeId"] = [$"There is no office '{officeId}'."];
            }
        }

        if (errors.Count > 0)
        {
            return (ApiProblems.Validation(errors), null);
        }

        // Periods are Shanghai days: from its midnight to the midnight after the last day.
        var period = new ReportPeriod(fromDay, toDay, StartOf(calendar, fromDay), StartOf(calendar, toDay.AddDays(1)));
        var builder = new ReportSummaryBuilder(db, clock);
        return (null, await builder.BuildAsync(period, string.IsNullOrWhiteSpace(officeId) ? null : officeId, officeName, cancellationToken));
    }

    private static DateTimeOffset StartOf(BusinessCalendar calendar, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateOnly Parse(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"{field} must be a date like 2026-01-31 (a Shanghai date)."];
        return fallback;
    }
}
