using System.Text.Json.Nodes;
using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Documents;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Commands;

/// <summary>
/// Writes one command's result together with what it causes in related instances, all in the same unit of work:
/// children started by call activities (and run at once), children cancelled because their call activity was
/// withdrawn, and the parent resumed when a child completes.
/// </summary>
/// <remarks>
/// One SaveChanges commits the whole tree. A parent loaded here is saved with its concurrency version checked, so a
/// parent changed underneath fails the commit and the command runner re-runs the whole command.
/// </remarks>
internal sealed partial class InstanceTreeWriter(CaseFlowDbContext db, IWorkflowEngine engine, IProcessGraphCache graphs, TimeProvider clock, StatutoryDeadlineFactory deadlines, TransferPackageSealer transferPackages, LetterRenderer letters, ILogger logger)
{
    /// <summary>Calls nested deeper than this are refused with an incident: a process calling itself without end.</summary>
    public const int MaxCallDepth = 32;

    // Effects applied in this unit of work, by identity: a parent's effects are applied before its child starts.
    private readonly HashSet<WorkflowEffect> applied = new(ReferenceEqualityComparer.Instance);

    /// <summary>Results of the other instances written in this unit of work, for scheduling their timers after commit.</summary>
    public List<(Guid InstanceId, ExecutionResult Result)> Related { get; } = [];

    /// <summary>Writes <paramref name="result"/> for <paramref name="stored"/> and its consequences; returns the instance's full result.</summary>
    public Task<ExecutionResult> WriteAsync(StoredInstance stored, ProcessGraph graph, ExecutionResult result, string? actor, CancellationToken cancellationToken) =>
        WriteAsync(stored, graph, result, actor, 0, cancellationToken);

    private async Task<ExecutionResult> WriteAsync(StoredInstance stored, ProcessGraph graph, ExecutionResult result, string? actor, int depth, CancellationToken cancellationToken)
    {
        result = await StartChildrenAsync(stored, graph, result, actor, depth, cancellationToken);
        await new ExecutionResultWriter(db, clock, deadlines, transferPackages, letters, applied).WriteAsync(stored, result, actor, cancellationToken);
        await OpenLinkedCasesAsync(stored, result, actor, depth, cancellationToken);
        await CancelWithdrawnChildrenAsync(stored, graph, result, actor, depth, cancellationToken);
        await ResumeParentAsync(stored, result, actor, depth, cancellationToken);
        return result;
    }

    /// <summary>Starts a child for every call activity still waiting; a child that completes at once resumes this instance right here.</summary>
    private async Task<ExecutionResult> StartChildrenAsync(StoredInstance stored, ProcessGraph graph, ExecutionResult result, string? actor, int depth, CancellationToken cancellationToken)
    {
        var handled = new HashSet<Guid>();
        while (result.Effects.OfType<StartChildInstanceEffect>()
            .FirstOrDefault(e => !handled.Contains(e.BookmarkId) && result.Instance.Bookmarks.Any(b => b.Id == e.BookmarkId)) is { } effect)
        {
            handled.Add(effect.BookmarkId);

            // The case as the parent left it before the call (e.g. Filed on 立案) is what the child acts on.
            await new ExecutionResultWriter(db, clock, deadlines, transferPackages, letters, applied).ApplyEffectsAsync(stored, result, actor, cancellationToken);
            if (await StartChildAsync(stored, graph, result.Instance, effect, actor, depth, cancellationToken) is { } continued)
            {
                result = ExecutionResults.Combine(result, continued);
            }
        }

        return result;
    }

    /// <summary>Starts and writes one child; returns the parent's continuation when the child completed or could not start.</summary>
    private async Task<ExecutionResult?> StartChildAsync(
        StoredInstance parent, ProcessGraph parentGraph, WorkflowInstanceState parentState, StartChildInstanceEffect effect, string? actor, int depth, CancellationToken cancellationToken)
    {
        var query = db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == effect.ProcessKey);
        var version = effect.Version is { } pinned
            ? await query.SingleOrDefaultAsync(p => p.Version == pinned, cancellationToken)
            : await query.OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var graph = version is null ? null : graphs.GetOrParse(version.ProcessKey, version.Version, () => version.Xml);
        var problem = graph is null
            ? $"Process '{effect.ProcessKey}'{(effect.Version is { } v ? $" version {v}" : "")} is not published, so call activity '{effect.ElementId}' cannot start it. Publish it, then retry the incident."
            : !graph.HasNoneStart ? $"Process '{effect.ProcessKey}' version {graph.Version} has no start event without a trigger, so call activity '{effect.ElementId}' cannot start it."
            : depth >= MaxCallDepth ? $"Call activity '{effect.ElementId}' would nest more than {MaxCallDepth} called processes; the process probably calls itself without end."
            : null;
        if (problem is not null)
        {
            logger.LogWarning("Instance {InstanceId}: {Problem}", parent.Id, problem);
            return engine.FailCallActivity(parentGraph, parentState, effect.BookmarkId, problem);
        }

        var now = clock.GetUtcNow();
        var child = new StoredInstance
        {
            Id = Guid.CreateVersion7(now),
            ProcessKey = version!.ProcessKey,
            ProcessVersion = version.Version,
            BusinessKey = parent.BusinessKey,
            CaseId = parent.CaseId,
            ParentInstanceId = parent.Id,
            ParentBookmarkId = effect.BookmarkId,
            StateJson = "",
            CreatedAt = now,
        };
        db.Instances.Add(child);
        var result = engine.Start(graph!, new StartInstanceRequest(child.Id, parent.BusinessKey, (JsonObject)effect.Variables.DeepClone(), Actor: actor));
        result = await StartChildrenAsync(child, graph!, result, actor, depth + 1, cancellationToken);
        await new ExecutionResultWriter(db, clock, deadlines, transferPackages, letters, applied).WriteAsync(child, result, actor, cancellationToken);
        Related.Add((child.Id, result));
        return ReportToParent(parentGraph, parentState, effect.BookmarkId, result);
    }

    /// <summary>
    /// What a child's command means for its waiting parent: uncaught escalations and an uncaught error are offered to
    /// the call activity's boundary events, completion resumes it. Null when the parent has nothing to do.
    /// </summary>
    private ExecutionResult? ReportToParent(ProcessGraph parentGraph, WorkflowInstanceState parentState, Guid bookmarkId, ExecutionResult child)
    {
        ExecutionResult? continuation = null;
        void Continue(Func<ExecutionResult> step)
        {
            if (parentState.Status == InstanceStatus.Running && parentState.Bookmarks.Any(b => b.Id == bookmarkId))
            {
                var next = step();
                continuation = continuation is null ? next : ExecutionResults.Combine(continuation, next);
            }
        }

        foreach (var escalation in child.History.Where(h => h.Event == "EscalationUncaught"))
        {
            Continue(() => engine.CatchFromCallActivity(parentGraph, parentState, bookmarkId, isError: false, escalation.Details));
        }

        if (child.Instance.Status == InstanceStatus.Completed)
        {
            Continue(() => engine.CompleteCallActivity(parentGraph, parentState, bookmarkId, child.Instance.Variables));
        }
        else if (child.Instance is { Status: InstanceStatus.Faulted, Incident.Kind: "UnhandledError" }
            && child.History.LastOrDefault(h => h.Event == "ErrorThrown") is { } error)
        {
            // Caught by the parent, the call activity is interrupted and the faulted child cancelled with its incident.
            Continue(() => engine.CatchFromCallActivity(parentGraph, parentState, bookmarkId, isError: true, error.Details));
        }

        return continuation;
    }

    /// <summary>Cancels (with their descendants) the children whose call activity this result withdrew.</summary>
    private async Task CancelWithdrawnChildrenAsync(StoredInstance stored, ProcessGraph graph, ExecutionResult result, string? actor, int depth, CancellationToken cancellationToken)
    {
        // Processes without call activities (most commands) never have children: no query on their hot path.
        var removed = result.RemovedBookmarkIds.ToList();
        var savedChildren = removed.Count == 0 || graph.CalledProcesses.Count == 0
            ? []
            : await db.Instances.Where(i => i.ParentInstanceId == stored.Id && i.ParentBookmarkId != null && removed.Contains(i.ParentBookmarkId.Value))
                .ToListAsync(cancellationToken);

        // Children started in this same unit of work whose call activity was withdrawn before the commit.
        var open = result.Instance.Bookmarks.Select(b => b.Id).ToHashSet();
        var unsaved = db.Instances.Local.Where(i => i.ParentInstanceId == stored.Id && i.ParentBookmarkId is { } b && !open.Contains(b));
        foreach (var child in savedChildren.Union(unsaved).Where(c => c.Status is InstanceStatus.Running or InstanceStatus.Faulted).ToList())
        {
            var childGraph = Graph(child);
            var cancelled = engine.Cancel(childGraph, EngineJson.Deserialize(child.StateJson), actor,
                $"The calling instance {stored.Id} no longer waits for it (its call activity was cancelled or interrupted).");
            Related.Add((child.Id, await WriteAsync(child, childGraph, cancelled, actor, depth + 1, cancellationToken)));
        }
    }

    /// <summary>A child that completed (or threw an error or escalation it did not catch) reports to its parent in the same transaction.</summary>
    private async Task ResumeParentAsync(StoredInstance stored, ExecutionResult result, string? actor, int depth, CancellationToken cancellationToken)
    {
        if (stored.ParentInstanceId is not { } parentId || stored.ParentBookmarkId is not { } bookmarkId
            || !result.History.Any(h => h.Event is "InstanceCompleted" or "EscalationUncaught" or "Incident"))
        {
            return;
        }

        var parent = db.Instances.Local.FirstOrDefault(i => i.Id == parentId)
            ?? await db.Instances.SingleOrDefaultAsync(i => i.Id == parentId, cancellationToken);
        var state = parent is null ? null : EngineJson.Deserialize(parent.StateJson);
        if (parent is null || state is null || state.Status != InstanceStatus.Running || state.Bookmarks.All(b => b.Id != bookmarkId))
        {
            // A faulted parent is left waiting; an operator moves its token once the incident is dealt with.
            logger.LogWarning("Child instance {ChildId} reports back, but its parent {ParentId} is not running or no longer waits for it", stored.Id, parentId);
            return;
        }

        var graph = Graph(parent);
        if (ReportToParent(graph, state, bookmarkId, result) is { } continued)
        {
            Related.Add((parent.Id, await WriteAsync(parent, graph, continued, actor, depth, cancellationToken)));
        }
    }

    private ProcessGraph Graph(StoredInstance instance) => graphs.GetOrLoad(db, instance.ProcessKey, instance.ProcessVersion);
}
