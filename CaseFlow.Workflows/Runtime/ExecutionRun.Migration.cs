using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Runtime.Migration;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Moving an instance to another version of its process (Camunda's "migration").</summary>
internal sealed partial class ExecutionRun
{
    /// <summary>Plans the migration and, unless it is a dry run or refused, applies exactly that plan.</summary>
    /// <returns>The plan, and whether it was applied.</returns>
    public (MigrationPlan Plan, bool Applied) Migrate(ProcessGraph target, IReadOnlyDictionary<string, string>? mapping, bool dryRun, string? actor, string? reason)
    {
        EnsureOperable("migrated");
        var plan = MigrationPlanner.Plan(graph, instance, target, mapping);
        if (dryRun || !plan.CanMigrate)
        {
            return (plan, false);
        }

        string Map(string id) => mapping is not null && mapping.TryGetValue(id, out var mapped) ? mapped : id;
        foreach (var step in plan.Tokens)
        {
            var index = instance.Tokens.FindIndex(t => t.Id == step.TokenId);
            instance.Tokens[index] = instance.Tokens[index] with { ElementId = step.ToElementId! };
        }

        foreach (var step in plan.Bookmarks)
        {
            var bookmark = instance.Bookmarks.Single(b => b.Id == step.BookmarkId);
            switch (step.Action)
            {
                case MigrationAction.Kept:
                    // The same row stays (a task keeps its id, so its assignee and deadline stay with it); only the element changes.
                    instance.Bookmarks[instance.Bookmarks.IndexOf(bookmark)] = bookmark with { ElementId = step.ToElementId! };
                    break;
                case MigrationAction.Recreated:
                    RemoveBookmark(bookmark);
                    AddBookmark(bookmark with
                    {
                        Id = NewId(),
                        ElementId = step.ToElementId!,
                        MessageName = MigrationPlanner.MessageName(target.Node(step.ToElementId!)),
                    });
                    break;
                default:
                    RemoveBookmark(bookmark);
                    break;
            }
        }

        instance.JoinArrivals = instance.JoinArrivals.ToDictionary(j => Map(j.Key), j => j.Value.Select(Map).ToList());
        instance.Scopes = [.. instance.Scopes.Select(s => s with { ElementId = Map(s.ElementId) })];
        if (instance.Incident is { } incident)
        {
            instance.Incident = incident with { ElementId = Map(incident.ElementId) };
        }

        instance.ProcessVersion = target.Version;
        RecordOperation(null, "InstanceMigrated",
            $"Version {Count(plan.FromVersion)} → {Count(plan.ToVersion)}: {Count(plan.Tokens.Count)} token(s) moved, {Count(plan.Bookmarks.Count(b => b.Action != MigrationAction.Kept))} bookmark(s) recreated or withdrawn",
            actor, reason);
        return (plan, true);
    }
}
