using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Documents;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Commands;

/// <summary>
/// Runs engine commands as single transactions: load the instance, let the engine advance it, write every
/// consequence, commit once, then schedule timers. Optimistic-concurrency conflicts re-run the whole command.
/// </summary>
/// <remarks>
/// Nothing leaves the process before the commit: emails are outbox rows and timers are bookmark rows, so a
/// crash at any point either loses the whole command (the client retries, or the timer fires again) or
/// keeps all of it. Scheduling after commit may be lost in a crash; the timer reconciler repairs that.
/// </remarks>
public sealed partial class WorkflowCommandRunner(
    CaseFlowDbContext db,
    IWorkflowEngine engine,
    IProcessGraphCache graphs,
    IBookmarkScheduler scheduler,
    ICommandCommitSignal commitSignal,
    TimeProvider clock,
    StatutoryDeadlineFactory deadlines,
    TransferPackageSealer transferPackages,
    LetterRenderer letters,
    ILogger<WorkflowCommandRunner> logger)
{
    /// <summary>How many times a command is re-run after losing an optimistic-concurrency race.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Starts an instance of a published version; <paramref name="beforeSave"/> adds rows to the same transaction (e.g. the case).</summary>
    public async Task<ExecutionResult> StartAsync(
        StoredProcessVersion version,
        StartInstanceRequest request,
        Guid? caseId,
        Func<CaseFlowDbContext, Task>? beforeSave,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(request);
        var graph = graphs.GetOrParse(version.ProcessKey, version.Version, () => version.Xml);
        var result = engine.Start(graph, request);
        var now = clock.GetUtcNow();
        var stored = new StoredInstance
        {
            Id = request.InstanceId,
            ProcessKey = version.ProcessKey,
            ProcessVersion = version.Version,
            BusinessKey = request.BusinessKey,
            CaseId = caseId,
            StateJson = "",
            CreatedAt = now,
        };
        if (beforeSave is not null)
        {
            await beforeSave(db);
        }

        db.Instances.Add(stored);
        var tree = new InstanceTreeWriter(db, engine, graphs, clock, deadlines, transferPackages, letters, logger);
        result = await tree.WriteAsync(stored, graph, result, request.Actor, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommitAsync(stored.Id, result, cancellationToken);
        await AfterCommitAsync(tree.Related, cancellationToken);
        return result;
    }

    /// <summary>Completes a user task. The task row is marked completed by <paramref name="actor"/> in the same transaction.</summary>
    /// <exception cref="BookmarkNotFoundException">The task is no longer open.</exception>
    public Task<ExecutionResult> CompleteTaskAsync(Guid instanceId, Guid taskId, string? outcome, System.Text.Json.Nodes.JsonObject? variables, string actor, CancellationToken cancellationToken) =>
        RunAsync(
            instanceId,
            (graph, state) => engine.CompleteUserTask(graph, state, taskId, variables, actor),
            actor,
            async () =>
            {
                var task = await db.Tasks.SingleAsync(t => t.Id == taskId, cancellationToken);
                task.State = TaskState.Completed;
                task.CompletedBy = actor;
                task.Outcome = outcome;
            },
            cancellationToken);

    /// <summary>Fires a timer bookmark. Returns false, doing nothing, when it was already consumed (a duplicate firing).</summary>
    public async Task<bool> FireTimerAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(instanceId, (graph, state) => engine.FireTimer(graph, state, bookmarkId), null, null, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is BookmarkNotFoundException or InstanceNotFoundException or InstanceNotRunningException)
        {
            logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} is no longer open; firing ignored", bookmarkId, instanceId);
            return false;
        }
    }

    /// <summary>Delivers a message to one subscription.</summary>
    /// <exception cref="BookmarkNotFoundException">Another delivery consumed it first.</exception>
    public Task<ExecutionResult> DeliverMessageAsync(Guid instanceId, Guid bookmarkId, System.Text.Json.Nodes.JsonObject? variables, string? actor, CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.DeliverMessage(graph, state, bookmarkId, variables), actor, null, cancellationToken);

    private async Task<ExecutionResult> RunAsync(
        Guid instanceId,
        Func<ProcessGraph, WorkflowInstanceState, ExecutionResult> command,
        string? actor,
        Func<Task>? beforeSave,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Instances.SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
                ?? throw new InstanceNotFoundException($"Instance {instanceId} does not exist.");
            var graph = graphs.GetOrLoad(db, stored.ProcessKey, stored.ProcessVersion);
            var result = command(graph, EngineJson.Deserialize(stored.StateJson));

            // Call activities: children started, cancelled or resuming this instance's parent are written in the same unit of work.
            var tree = new InstanceTreeWriter(db, engine, graphs, clock, deadlines, transferPackages, letters, logger);
            result = await tree.WriteAsync(stored, graph, result, actor, cancellationToken);
            if (beforeSave is not null)
            {
                await beforeSave();
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Instance {InstanceId} changed underneath attempt {Attempt}; re-running the command", instanceId, attempt);
                continue;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && Security.AuditChain.IsPositionTaken(ex))
            {
                logger.LogInformation("Another node appended to the audit chain during attempt {Attempt} on instance {InstanceId}; re-running the command", attempt, instanceId);
                continue;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new CommandConflictException($"Instance {instanceId} kept changing; try again.", ex);
            }

            await AfterCommitAsync(instanceId, result, cancellationToken);
            await AfterCommitAsync(tree.Related, cancellationToken);
            return result;
        }
    }

    private async Task AfterCommitAsync(IEnumerable<(Guid InstanceId, ExecutionResult Result)> related, CancellationToken cancellationToken)
    {
        foreach (var (instanceId, result) in related)
        {
            await AfterCommitAsync(instanceId, result, cancellationToken);
        }
    }

    private async Task AfterCommitAsync(Guid instanceId, ExecutionResult result, CancellationToken cancellationToken)
    {
        try
        {
            var timers = result.CreatedBookmarks.Where(b => b.Kind == BookmarkKind.Timer).ToList();
            if (timers.Count > 0)
            {
                await scheduler.ScheduleAsync(instanceId, timers, cancellationToken);
            }

            if (result.RemovedBookmarkIds.Count > 0)
            {
                await scheduler.UnscheduleAsync(result.RemovedBookmarkIds, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command is committed; the reconciler schedules timers whose trigger is missing.
            logger.LogWarning(ex, "Scheduling timers of instance {InstanceId} failed; the reconciler will retry", instanceId);
        }

        if (result.Effects.Any(e => e is SendEmailEffect))
        {
            commitSignal.EmailsQueued();
        }
    }
}
