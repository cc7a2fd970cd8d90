using CaseFlow.Server.Auth;
using CaseFlow.Server.Mail;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary>Operators' view of outgoing email: list by state, and send a failed message again.</summary>
public static class AdminOutboxApi
{
    public static IEndpointRouteBuilder MapAdminOutboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/outbox")
            .WithTags("Admin")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        group.MapGet("/", ListAsync).WithSummary("Outgoing emails, newest first; filter with state=pending|sent|failed.");
        group.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Queues a failed or pending email for an immediate new attempt with a fresh budget.");
        return app;
    }

    public sealed record OutboxItemResponse(
        Guid Id,
        string To,
        string Subject,
        OutboxState State,
        int Attempts,
        string? LastError,
        DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt,
        DateTimeOffset NextAttemptAt);

    public sealed record OutboxListResponse(IReadOnlyList<OutboxItemResponse> Items, int Total);

    private static async Task<IResult> ListAsync(CaseFlowDbContext db, string? state, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!TryParseState(state, out var wanted))
            {
                return ApiProblems.Field("state", "Use pending, sent or failed.");
            }

            query = query.Where(m => m.State == wanted);
        }

        var (skip, take) = Paging.Resolve(page, pageSize);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new OutboxListResponse(rows.Select(ToResponse).ToList(), total));
    }

    private static async Task<IResult> RetryAsync(
        Guid id,
        CaseFlowDbContext db,
        OutboxSignal signal,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Conditional, so a dispatcher marking the row sent at this moment wins cleanly instead of being undone.
        // A claimed pending row keeps its claim: the node holding it is sending it right now.
        var affected = await db.OutboxMessages
            .Where(m => m.Id == id && m.State != OutboxState.Sent)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Pending)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now),
                cancellationToken);
        var row = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null)
        {
            return ApiProblems.NotFound($"Outbox message {id} does not exist.");
        }

        if (affected == 0)
        {
            return ApiProblems.Conflict($"Outbox message {id} was already sent.");
        }

        signal.EmailsQueued();
        return TypedResults.Ok(ToResponse(row));
    }

    private static bool TryParseState(string value, out OutboxState state) =>
        Enum.TryParse(value, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(value, out _);

    private static OutboxItemResponse ToResponse(StoredOutboxMessage m) =>
        new(m.Id, m.To, m.Subject, m.State, m.Attempts, m.LastError, m.CreatedAt, m.SentAt, m.NextAttemptAt);
}
