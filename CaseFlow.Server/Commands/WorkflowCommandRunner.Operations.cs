using System.Text.Json.Nodes;
using CaseFlow.Server.Processes;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Runtime.Migration;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Commands;

/// <summary>Operators' commands on running instances, each one transaction like every other command.</summary>
public sealed partial class WorkflowCommandRunner
{
    /// <summary>Cancels an instance; its open tasks become cancelled.</summary>
    /// <exception cref="InstanceNotRunningException">The instance already ended.</exception>
    public Task<ExecutionResult> CancelAsync(Guid instanceId, string actor, string reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.Cancel(graph, state, actor, reason), actor, null, cancellationToken);

    /// <summary>Sets and removes process variables without moving the instance on.</summary>
    /// <exception cref="InvalidModificationException">A name is empty or both set and removed.</exception>
    public Task<ExecutionResult> SetVariablesAsync(
        Guid instanceId,
        JsonObject set,
        IReadOnlyList<string> remove,
        string actor,
        string reason,
        CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.SetVariables(graph, state, (JsonObject)set.DeepClone(), remove, actor, reason), actor, null, cancellationToken);

    /// <summary>Moves the tokens on one element to another activity; withdrawn tasks become cancelled, the new ones open.</summary>
    /// <exception cref="InvalidModificationException">An element id is unknown or not a valid target.</exception>
    public Task<ExecutionResult> MoveTokenAsync(Guid instanceId, string fromElementId, string toElementId, string actor, string reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.MoveToken(graph, state, fromElementId, toElementId, actor, reason), actor, null, cancellationToken);

    /// <summary>Clears a faulted instance's incident and runs the failed element again.</summary>
    /// <exception cref="InstanceStateException">The instance has no incident.</exception>
    public Task<ExecutionResult> RetryIncidentAsync(Guid instanceId, string actor, string? reason, CancellationToken cancellationToken) =>
        RunAsync(instanceId, (graph, state) => engine.RetryIncident(graph, state, actor, reason), actor, null, cancellationToken);

    /// <summary>
    /// Plans (dry run) or performs the migration of one instance to <paramref name="targetVersion"/> of its process.
    /// A refused plan changes nothing and comes back with a null result.
    /// </summary>
    /// <exception cref="InvalidModificationException">The target version or the mapping is invalid.</exception>
    public async Task<MigrationOutcome> MigrateAsync(
        Guid instanceId,
        int targetVersion,
        IReadOnlyDictionary<string, string>? mapping,
        bool dryRun,
        string actor,
        string reason,
        CancellationToken cancellationToken)
    {
        var stored = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken)
            ?? throw new InstanceNotFoundException($"Instance {instanceId} does not exist.");
        var target = await TargetGraphAsync(stored.ProcessKey, stored.ProcessVersion, targetVersion, cancellationToken);
        var source = graphs.GetOrLoad(db, stored.ProcessKey, stored.ProcessVersion);

        // The plan decides; a dry run or a refusal stops here without opening a write.
        var planned = engine.Migrate(source, EngineJson.Deserialize(stored.StateJson), target, mapping, dryRun: true, actor, reason);
        if (dryRun || !planned.Plan.CanMigrate)
        {
            return planned;
        }

        MigrationPlan? applied = null;
        var result = await RunAsync(
            instanceId,
            (graph, state) =>
            {
                var outcome = engine.Migrate(graph, state, target, mapping, dryRun: false, actor, reason);
                applied = outcome.Plan;
                return outcome.Result
                    ?? throw new InstanceStateException($"Instance {instanceId} changed while it was being migrated and can no longer be; run the dry run again.");
            },
            actor,
            () => MoveKeptBookmarkRowsAsync(applied!, cancellationToken),
            cancellationToken);
        return new MigrationOutcome(applied!, result);
    }

    private async Task<ProcessGraph> TargetGraphAsync(string key, int currentVersion, int targetVersion, CancellationToken cancellationToken)
    {
        if (targetVersion == currentVersion)
        {
            throw new InvalidModificationException("targetVersion", $"The instance already runs on version {targetVersion}.");
        }

        var xml = await db.ProcessVersions.AsNoTracking().Where(p => p.ProcessKey == key && p.Version == targetVersion)
            .Select(p => p.Xml).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidModificationException("targetVersion", $"Process '{key}' has no published version {targetVersion}.");
        return graphs.GetOrParse(key, targetVersion, () => xml);
    }

    /// <summary>Kept bookmarks stay the same rows (a task keeps its id, assignee and deadline); only their element changes.</summary>
    private async Task MoveKeptBookmarkRowsAsync(MigrationPlan plan, CancellationToken cancellationToken)
    {
        foreach (var step in plan.Bookmarks.Where(b => b.Action == MigrationAction.Kept && b.ToElementId != b.FromElementId))
        {
            if (await db.Bookmarks.FindAsync([step.BookmarkId], cancellationToken) is { } bookmark)
            {
                bookmark.ElementId = step.ToElementId!;
            }

            if (await db.Tasks.FindAsync([step.BookmarkId], cancellationToken) is { } task)
            {
                task.ElementId = step.ToElementId!;
            }
        }
    }
}
