using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>What operators do to running instances: cancel, change variables, move tokens (Camunda's "modification").</summary>
/// <remarks>Every operation records who did it and why, because these bypass the process the legal officers designed.</remarks>
internal sealed partial class ExecutionRun
{
    /// <summary>The BPMN elements a token may be moved onto: activities, which wait or do work, unlike events and gateways.</summary>
    private static readonly HashSet<string> MovableTargets = new(StringComparer.Ordinal) { "userTask", "serviceTask", "subProcess", "callActivity" };

    public void Cancel(string? actor, string? reason)
    {
        EnsureOperable("cancelled");
        var active = string.Join(", ", instance.ActiveElementIds);
        foreach (var bookmark in instance.Bookmarks.ToList())
        {
            RemoveBookmark(bookmark);
        }

        instance.Tokens.Clear();
        instance.JoinArrivals.Clear();
        instance.Scopes.Clear();
        instance.Incident = null;
        instance.IncidentTokens = [];
        instance.Status = InstanceStatus.Cancelled;
        RecordOperation(null, "InstanceCancelled", active.Length == 0 ? null : $"Withdrawn from {active}", actor, reason);
    }

    public void SetVariables(JsonObject set, IReadOnlyCollection<string> remove, string? actor, string? reason)
    {
        EnsureOperable("changed");
        if (set.Select(p => p.Key).Concat(remove).FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw new InvalidModificationException(set.Any(p => string.IsNullOrWhiteSpace(p.Key)) ? "set" : "remove", "A variable name is empty.");
        }

        if (remove.FirstOrDefault(set.ContainsKey) is { } both)
        {
            throw new InvalidModificationException("remove", $"The variable '{both}' is both set and removed; do one of them.");
        }

        Merge(set);
        var removed = remove.Where(name => instance.Variables.Remove(name)).ToList();
        var details = new List<string>();
        if (set.Count > 0)
        {
            details.Add("set " + string.Join(", ", set.Select(p => p.Key)));
        }

        if (removed.Count > 0)
        {
            details.Add("removed " + string.Join(", ", removed));
        }

        // Names only: values may hold personal data, and the history is shown to every reader of the instance.
        RecordOperation(null, "VariablesChanged", details.Count == 0 ? "nothing changed" : string.Join("; ", details), actor, reason);
    }

    public void MoveToken(string fromElementId, string toElementId, string? actor, string? reason)
    {
        EnsureOperable("modified");
        if (!graph.Nodes.TryGetValue(fromElementId, out var from))
        {
            throw new InvalidModificationException("fromElementId", $"The process has no element '{fromElementId}'.");
        }

        var tokens = instance.Tokens.Where(t => t.ElementId == fromElementId).ToList();
        if (tokens.Count == 0)
        {
            throw new InvalidModificationException("fromElementId",
                $"No token is on {from.Label}; tokens are on: {string.Join(", ", instance.ActiveElementIds.DefaultIfEmpty("nothing"))}.");
        }

        if (tokens.Any(t => instance.Scopes.Any(s => s.TokenId == t.Id)))
        {
            throw new InvalidModificationException("fromElementId", $"{from.Label} is a running sub-process; move the tokens inside it instead.");
        }

        if (!graph.Nodes.TryGetValue(toElementId, out var to))
        {
            throw new InvalidModificationException("toElementId", $"The process has no element '{toElementId}'.");
        }

        if (!MovableTargets.Contains(to.BpmnType))
        {
            throw new InvalidModificationException("toElementId", $"{to.Label} is a {to.BpmnType}; a token can only be moved onto a task or sub-process.");
        }

        if (to.ParentId != from.ParentId)
        {
            throw new InvalidModificationException("toElementId", $"{to.Label} is not in the same (sub-)process as {from.Label}; move within one level.");
        }

        if (instance.Status == InstanceStatus.Faulted && instance.Incident!.ElementId != fromElementId)
        {
            throw new InstanceStateException(
                $"Instance {instance.Id} is stopped by an incident at '{instance.Incident.ElementId}'; retry it or move the token away from there first.");
        }

        foreach (var token in tokens)
        {
            foreach (var bookmark in instance.Bookmarks.Where(b => b.TokenId == token.Id).ToList())
            {
                RemoveBookmark(bookmark);
            }

            instance.Tokens.Remove(token);
        }

        RecordOperation(fromElementId, "TokenMoved", $"{fromElementId} → {toElementId}", actor, reason);
        if (instance.Status == InstanceStatus.Faulted)
        {
            // The token that failed is gone; whatever else the incident stopped carries on.
            var moved = tokens.Select(t => t.Id).ToHashSet();
            foreach (var queued in instance.IncidentTokens.Where(q => !moved.Contains(q.TokenId)))
            {
                if (instance.Tokens.FirstOrDefault(t => t.Id == queued.TokenId) is { } stalled)
                {
                    _queue.Enqueue((stalled, queued.ViaFlowId));
                }
            }

            instance.Status = InstanceStatus.Running;
            instance.Incident = null;
            instance.IncidentTokens = [];
        }

        var placed = new Token(NewId(), toElementId, tokens[0].ScopeId);
        instance.Tokens.Add(placed);
        _queue.Enqueue((placed, null));
        Run();
    }

    /// <summary>Operations work on instances that can still change: running, or stopped by an incident.</summary>
    private void EnsureOperable(string what)
    {
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Faulted))
        {
            throw new InstanceNotRunningException($"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}; it can no longer be {what}.");
        }
    }

    private void RecordOperation(string? elementId, string eventName, string? details, string? actor, string? reason) =>
        _history.Add(new HistoryEntry(Now, elementId, eventName, details, actor, reason));
}
