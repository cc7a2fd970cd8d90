using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Inclusive gateways (BPMN 2.0 §13.3.2) and event-based gateways (§13.3.3).</summary>
internal sealed partial class ExecutionRun
{
    /// <summary>
    /// A token reaches an inclusive gateway. With several incoming flows it waits there, and the join fires as soon
    /// as no live token can still reach an incoming flow that has no token yet (so branches not taken are not waited for).
    /// </summary>
    private void ArriveInclusive(Token token, InclusiveGatewayNode gateway, string? via)
    {
        if (gateway.Incoming.Count <= 1)
        {
            ForkInclusive(token, gateway);
            return;
        }

        var arrivals = Arrive(token, gateway, via);
        if (!TryFireInclusive(gateway, token.ScopeId))
        {
            Record(gateway.Id, "JoinWaiting", $"{Count(gateway.Incoming.Count(f => arrivals.Contains(f.Id)))} of {Count(gateway.Incoming.Count)} branches arrived; waiting for branches still running");
        }
    }

    /// <summary>Re-checks waiting inclusive joins once nothing is queued: a branch may have ended elsewhere meanwhile.</summary>
    private bool FireReadyInclusiveJoin()
    {
        foreach (var gatewayId in instance.JoinArrivals.Keys.ToList())
        {
            if (graph.Node(gatewayId) is InclusiveGatewayNode gateway && TryFireInclusive(gateway, ScopeOf(gatewayId)))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryFireInclusive(InclusiveGatewayNode gateway, Guid? scopeId)
    {
        var arrivals = instance.JoinArrivals[gateway.Id];
        var missing = gateway.Incoming.Where(f => !arrivals.Contains(f.Id)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        if (missing.Count > 0 && CanStillArrive(gateway, scopeId, missing))
        {
            return false;
        }

        // One arrival per incoming flow that has one is consumed; a second lap of a loop waits for the next firing.
        foreach (var flow in gateway.Incoming)
        {
            arrivals.Remove(flow.Id);
        }

        arrivals.Remove("");
        if (arrivals.Count == 0)
        {
            instance.JoinArrivals.Remove(gateway.Id);
        }

        var joined = new Token(NewId(), gateway.Id, scopeId);
        instance.Tokens.Add(joined);
        Record(gateway.Id, "JoinCompleted", null);
        ForkInclusive(joined, gateway);
        return true;
    }

    /// <summary>
    /// True when a live token of the gateway's scope (or a token waiting at another join there) can still reach one of
    /// the <paramref name="missing"/> incoming flows without passing through the gateway itself.
    /// </summary>
    private bool CanStillArrive(InclusiveGatewayNode gateway, Guid? scopeId, HashSet<string> missing)
    {
        var sources = instance.Tokens
            .Where(t => t.ScopeId == scopeId && graph.Node(t.ElementId).ParentId == gateway.ParentId)
            .Select(t => t.ElementId)
            .Concat(instance.JoinArrivals.Keys.Where(id => id != gateway.Id && graph.Node(id).ParentId == gateway.ParentId))
            .ToList();

        // A token queued on the gateway itself has not arrived yet: it is about to.
        if (sources.Contains(gateway.Id))
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(sources);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var node = graph.Node(id);
            foreach (var flow in node.Outgoing)
            {
                if (flow.TargetId == gateway.Id)
                {
                    if (missing.Contains(flow.Id))
                    {
                        return true;
                    }

                    continue;
                }

                queue.Enqueue(flow.TargetId);
            }

            if (node is ActivityNode activity)
            {
                activity.Boundaries.ForEach(b => queue.Enqueue(b.Id));
            }
        }

        return false;
    }

    /// <summary>Takes every outgoing flow whose condition holds; the default flow only when none holds; otherwise an incident.</summary>
    private void ForkInclusive(Token token, InclusiveGatewayNode gateway)
    {
        var taken = new List<SequenceFlow>();
        foreach (var flow in gateway.Outgoing.Where(f => f.Id != gateway.DefaultFlowId))
        {
            if (flow.Condition is null)
            {
                // Only a gateway with a single outgoing flow (a pure join) may have an unconditioned flow.
                taken.Add(flow);
                continue;
            }

            var result = services.Expressions.EvaluateCondition(flow.Condition, instance.Variables);
            if (result.Failure is { } failure)
            {
                Fault(gateway.Id, failure.IncidentKind, $"The condition of sequence flow '{flow.Id}' could not be evaluated. {failure.Message}");
                return;
            }

            if (result.Value)
            {
                taken.Add(flow);
            }
        }

        if (taken.Count == 0 && gateway.Outgoing.FirstOrDefault(f => f.Id == gateway.DefaultFlowId) is { } defaultFlow)
        {
            taken.Add(defaultFlow);
        }

        if (taken.Count == 0)
        {
            Fault(gateway.Id, "NoFlowMatched",
                $"No outgoing flow of inclusive gateway {gateway.Label} matched, and it has no default flow. Fix the conditions or add a default flow.");
            return;
        }

        instance.Tokens.Remove(token);
        Record(gateway.Id, "ElementCompleted", $"Took sequence flows {string.Join(", ", taken.Select(f => f.Id))}");
        foreach (var flow in taken)
        {
            Spawn(flow.TargetId, flow.Id, token.ScopeId);
        }
    }

    /// <summary>The token waits on the gateway with one bookmark per following catch event; the first resumed wins (see ResumeCatch).</summary>
    private void AwaitEvents(Token token, FlowNode gateway)
    {
        foreach (var flow in gateway.Outgoing)
        {
            switch (graph.Node(flow.TargetId))
            {
                case TimerCatchNode timer:
                    AddBookmark(new Bookmark(NewId(), BookmarkKind.Timer, timer.Id, token.Id, DueAt: DueAt(timer.Timer)));
                    Record(timer.Id, "TimerScheduled", $"Behind event-based gateway {gateway.Id}");
                    break;
                case MessageCatchNode message:
                    Subscribe(token, message);
                    break;
            }

            if (_stopped)
            {
                return;
            }
        }
    }
}
