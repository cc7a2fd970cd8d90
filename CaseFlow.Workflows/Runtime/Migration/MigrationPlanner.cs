using System.Globalization;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime.Migration;

/// <summary>Works out, without changing anything, where each token and bookmark of an instance goes in another version.</summary>
/// <remarks>
/// An element's counterpart is the element the mapping names, else the element with the same id. It must be of the
/// same kind (a user task stays a user task) and in the counterpart of the same sub-process, because a waiting
/// token's bookmarks only make sense on an element that waits the same way.
/// </remarks>
internal static class MigrationPlanner
{
    public static MigrationPlan Plan(ProcessGraph source, WorkflowInstanceState instance, ProcessGraph target, IReadOnlyDictionary<string, string>? mapping)
    {
        mapping ??= new Dictionary<string, string>();
        if (target.Key != source.Key)
        {
            throw new InvalidModificationException("targetVersion", $"The target is process '{target.Key}', not '{source.Key}'; an instance stays within its process.");
        }

        foreach (var (from, to) in mapping)
        {
            if (!source.Nodes.ContainsKey(from) && !source.Flows.ContainsKey(from))
            {
                throw new InvalidModificationException($"mapping.{from}", $"Version {Text(source.Version)} has no element '{from}'.");
            }

            if (!target.Nodes.ContainsKey(to) && !target.Flows.ContainsKey(to))
            {
                throw new InvalidModificationException($"mapping.{from}", $"Version {Text(target.Version)} has no element '{to}'.");
            }
        }

        string Map(string id) => mapping.TryGetValue(id, out var mapped) ? mapped : id;
        var refusals = new List<string>();
        var notes = new List<string>();
        var tokens = new List<TokenMigration>();
        var bookmarks = new List<BookmarkMigration>();
        foreach (var token in instance.Tokens)
        {
            var node = source.Node(token.ElementId);
            var refusal = Counterpart(node, target, Map, out var counterpart);
            tokens.Add(new TokenMigration(token.Id, token.ElementId, counterpart?.Id, refusal));
            if (refusal is not null)
            {
                refusals.Add(refusal);
                continue;
            }

            if (counterpart is ActivityNode activity)
            {
                var kept = instance.Bookmarks.Where(b => b.TokenId == token.Id).Select(b => Map(b.ElementId)).ToHashSet(StringComparer.Ordinal);
                notes.AddRange(activity.Boundaries.Where(b => !kept.Contains(b.Id)).Select(b =>
                    $"Boundary event '{b.Id}' on {activity.Label} is new in version {Text(target.Version)}; it applies from the next time the activity is entered."));
            }
        }

        foreach (var bookmark in instance.Bookmarks)
        {
            bookmarks.Add(PlanBookmark(bookmark, source, target, Map));
        }

        foreach (var (gatewayId, arrivals) in instance.JoinArrivals)
        {
            var refusal = Counterpart(source.Node(gatewayId), target, Map, out var gateway);
            refusal ??= arrivals.Where(flow => gateway!.Incoming.All(f => f.Id != Map(flow))).Select(flow =>
                $"The join at '{gatewayId}' holds a branch that arrived by sequence flow '{flow}', which does not lead into '{gateway!.Id}' in version {Text(target.Version)}.").FirstOrDefault();
            if (refusal is not null)
            {
                refusals.Add(refusal);
            }
        }

        return new MigrationPlan(instance.Id, instance.ProcessKey, instance.ProcessVersion, target.Version, tokens, bookmarks, refusals, notes);
    }

    /// <summary>The message name a recreated subscription waits for on <paramref name="node"/>, if it is a message element.</summary>
    public static string? MessageName(FlowNode node) => node switch
    {
        MessageCatchNode message => message.MessageName,
        BoundaryEventNode boundary => boundary.MessageName,
        _ => null,
    };

    private static string? Counterpart(FlowNode node, ProcessGraph target, Func<string, string> map, out FlowNode? counterpart)
    {
        var id = map(node.Id);
        if (!target.Nodes.TryGetValue(id, out counterpart))
        {
            return $"The token on {node.Label} has no counterpart: version {Text(target.Version)} has no element '{id}'. Map it to an element of the same type.";
        }

        if (counterpart.Kind != node.Kind)
        {
            var found = counterpart;
            counterpart = null;
            return $"The token on {node.Label} ({node.BpmnType}) cannot go to {found.Label}, which is a {found.BpmnType} in version {Text(target.Version)}.";
        }

        var parent = node.ParentId is null ? null : map(node.ParentId);
        if (parent != counterpart.ParentId)
        {
            counterpart = null;
            return $"The token on {node.Label} would leave its sub-process: '{id}' is not inside '{parent ?? "the process"}' in version {Text(target.Version)}.";
        }

        return null;
    }

    private static BookmarkMigration PlanBookmark(Bookmark bookmark, ProcessGraph source, ProcessGraph target, Func<string, string> map)
    {
        var id = map(bookmark.ElementId);
        var node = source.Node(bookmark.ElementId);
        if (!target.Nodes.TryGetValue(id, out var counterpart) || counterpart.Kind != node.Kind
            || (node is BoundaryEventNode boundary && (counterpart is not BoundaryEventNode other || other.AttachedToId != map(boundary.AttachedToId) || other.Trigger != boundary.Trigger)))
        {
            return new BookmarkMigration(bookmark.Id, bookmark.Kind, bookmark.ElementId, null, MigrationAction.Withdrawn,
                $"Version {Text(target.Version)} has no matching '{id}'; the {Describe(bookmark)} is withdrawn.");
        }

        if (bookmark.Kind == BookmarkKind.Message && MessageName(counterpart) is { } message && message != bookmark.MessageName)
        {
            return new BookmarkMigration(bookmark.Id, bookmark.Kind, bookmark.ElementId, id, MigrationAction.Recreated,
                $"Waits for message '{message}' instead of '{bookmark.MessageName}', with the same correlation key.");
        }

        return new BookmarkMigration(bookmark.Id, bookmark.Kind, bookmark.ElementId, id, MigrationAction.Kept, bookmark switch
        {
            { Kind: BookmarkKind.UserTask, Task.DueAt: { } due } => $"The task stays as it is, assignee and due date ({Instant(due)}) included.",
            { Kind: BookmarkKind.UserTask } => "The task stays as it is, assignee included.",
            { Kind: BookmarkKind.Timer, DueAt: { } due } => $"The {Describe(bookmark)} keeps its due instant {Instant(due)}.",
            _ => $"The {Describe(bookmark)} stays as it is.",
        });
    }

    private static string Describe(Bookmark bookmark) => bookmark switch
    {
        { RetryAttempt: { } attempt } => $"retry timer (attempt {Text(attempt)})",
        { Kind: BookmarkKind.UserTask } => "task",
        { Kind: BookmarkKind.Timer } => "timer",
        { Kind: BookmarkKind.Message } => $"subscription to message '{bookmark.MessageName}'",
        _ => bookmark.Kind.ToString().ToLowerInvariant() + " bookmark",
    };

    private static string Instant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
