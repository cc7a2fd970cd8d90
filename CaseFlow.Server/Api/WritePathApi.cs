using CaseFlow.Server.Auth;
using CaseFlow.Server.Persistence;

namespace CaseFlow.Server.Api;

/// <summary>
/// <c>/api/admin/write-path</c> (Admin): how long this node's writes held a database-wide serial section (the SQLite
/// writer, a case-number block), as histograms; the load driver reads it beside its own figures (docs/benchmarks.md).
/// </summary>
public static class WritePathApi
{
    public static IEndpointRouteBuilder MapWritePathApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/write-path").WithTags("Operations").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", () => TypedResults.Ok(new { sections = SerialSections.Snapshot() }))
            .WithSummary("Time inside each database-wide serial section of the write path since start or the last reset, in ms.");
        group.MapPost("/reset", () =>
        {
            SerialSections.Reset();
            return TypedResults.NoContent();
        }).WithSummary("Forgets the recorded sections (e.g. after a load test's warm-up).");
        return app;
    }
}
