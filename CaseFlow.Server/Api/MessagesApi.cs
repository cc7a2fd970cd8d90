using System.Security.Claims;
using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Commands;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Api;

/// <summary><c>POST /api/messages</c>: correlates a message to waiting instances, or starts one at a message start event.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", CorrelateAsync).WithTags("Messages").RequireAuthorization();
        return app;
    }

    public sealed record MessageRequest(string? Name, string? CorrelationKey, JsonObject? Variables);

    private static async Task<IResult> CorrelateAsync(
        MessageRequest? request,
        CaseFlowDbContext db,
        WorkflowCommandRunner runner,
        Security.CaseAccess access,
        ClaimsPrincipal principal,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Name))
        {
            return ApiProblems.Field("name", "name is required: the bpmn:message name to deliver.");
        }

        var user = CurrentUser.From(principal);
        var actor = user.UserName;
        var waiting = db.Bookmarks.AsNoTracking()
            .Where(b => b.Kind == BookmarkKind.Message && b.MessageName == request.Name && b.CorrelationKey == request.CorrelationKey);

        // The case-access rule: a message reaches only instances of cases the sender may see (or of no case at all);
        // the others answer as if nothing waited, so a correlation key does not reveal another office's case.
        var all = waiting;
        if (!Security.CaseAccess.SeesAll(user))
        {
            var visible = access.VisibleIds(user);
            waiting = waiting.Where(b => db.Instances.Any(i => i.Id == b.InstanceId && (i.CaseId == null || visible.Contains(i.CaseId.Value))));
        }

        var subscriptions = await waiting
            .OrderBy(b => b.CreatedAt)
            .Select(b => new { b.Id, b.InstanceId })
            .ToListAsync(cancellationToken);

        var matched = 0;
        foreach (var subscription in subscriptions)
        {
            try
            {
                await runner.DeliverMessageAsync(subscription.InstanceId, subscription.Id, request.Variables?.DeepClone().AsObject(), actor, cancellationToken);
                matched++;
            }
            catch (Exception ex) when (ex is BookmarkNotFoundException or InstanceNotRunningException)
            {
                // Consumed by a concurrent delivery, withdrawn by another path, or the instance ended: that path won.
            }
        }

        if (matched > 0 || subscriptions.Count > 0)
        {
            return TypedResults.Ok(new { matched });
        }

        if (await all.AnyAsync(cancellationToken))
        {
            return ApiProblems.NotFound($"No instance waits for message '{request.Name}' with key '{request.CorrelationKey}'.");
        }

        var starters = await db.ProcessVersions.AsNoTracking()
            .Where(p => ("," + p.MessageStartNames + ",").Contains("," + request.Name + ","))
            .GroupBy(p => p.ProcessKey)
            .Select(g => g.OrderByDescending(p => p.Version).First())
            .ToListAsync(cancellationToken);
        if (starters.Count == 0)
        {
            return ApiProblems.NotFound($"No instance waits for message '{request.Name}' with key '{request.CorrelationKey}', and no process starts on it.");
        }

        var started = new List<Guid>();
        foreach (var version in starters)
        {
            var id = Guid.NewGuid();
            await runner.StartAsync(
                version,
                new StartInstanceRequest(id, request.CorrelationKey, request.Variables?.DeepClone().AsObject() ?? [], request.Name, actor),
                null,
                null,
                cancellationToken);
            started.Add(id);
        }

        return TypedResults.Ok(new { matched = started.Count, startedInstanceIds = started });
    }
}
