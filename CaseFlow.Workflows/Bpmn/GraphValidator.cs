namespace CaseFlow.Workflows.Bpmn;

/// <summary>Structural checks on a linked graph: start events, dead ends, gateway conditions, reachability.</summary>
internal static class GraphValidator
{
    public static void Validate(
        string processId,
        IReadOnlyDictionary<string, FlowNode> nodes,
        IReadOnlyDictionary<string, SequenceFlow> flows,
        List<ValidationError> errors)
    {
        CheckStarts(processId, nodes, errors);
        foreach (var node in nodes.Values.Where(n => n.Kind != NodeKind.Unsupported))
        {
            if (node.Kind != NodeKind.EndEvent && node.Outgoing.Count == 0)
            {
                errors.Add(new(node.Id, $"The {Friendly(node)} {node.Label} has no outgoing sequence flow, so the process would stop there. Connect it to the next step or to an end event."));
            }

            if (node is ExclusiveGatewayNode gateway)
            {
                CheckExclusive(gateway, errors);
            }
        }

        foreach (var flow in flows.Values.Where(f => f.IsConditional && nodes[f.SourceId].Kind is not (NodeKind.ExclusiveGateway or NodeKind.Unsupported)))
        {
            // Conditional flows out of tasks and events would be an implicit inclusive split; CaseFlow asks for
            // an explicit exclusive gateway instead so the decision is visible in the diagram.
            errors.Add(new(flow.Id, $"Sequence flow '{flow.Id}' has a condition but does not leave an exclusive gateway. CaseFlow evaluates conditions only on exclusive gateways: put an exclusive gateway after {nodes[flow.SourceId].Label}."));
        }

        CheckReachability(nodes, errors);
    }

    private static void CheckStarts(string processId, IReadOnlyDictionary<string, FlowNode> nodes, List<ValidationError> errors)
    {
        var starts = nodes.Values.OfType<StartEventNode>().ToList();
        var refusedStarts = nodes.Values.Any(n => n.Kind == NodeKind.Unsupported && n.BpmnType == "startEvent");
        if (starts.Count == 0 && !refusedStarts)
        {
            errors.Add(new(processId, "The process has no start event. Add a start event where the process begins."));
        }

        var noneStarts = starts.Where(s => s.MessageName is null).ToList();
        if (noneStarts.Count > 1)
        {
            errors.Add(new(processId, $"The process has {noneStarts.Count} start events without a trigger ({string.Join(", ", noneStarts.Select(s => s.Id))}); it may have only one. Use message start events for the other ways in."));
        }

        foreach (var duplicate in starts.Where(s => !string.IsNullOrEmpty(s.MessageName)).GroupBy(s => s.MessageName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new(duplicate.Last().Id, $"More than one start event waits for the message '{duplicate.Key}'; a message may start the process in one place only."));
        }
    }

    private static void CheckExclusive(ExclusiveGatewayNode gateway, List<ValidationError> errors)
    {
        if (gateway.DefaultFlowId is not null && gateway.Outgoing.All(f => f.Id != gateway.DefaultFlowId))
        {
            errors.Add(new(gateway.Id, $"The default flow '{gateway.DefaultFlowId}' of exclusive gateway {gateway.Label} is not one of its outgoing sequence flows."));
        }

        foreach (var flow in gateway.Outgoing)
        {
            var isDefault = flow.Id == gateway.DefaultFlowId;
            if (isDefault && flow.IsConditional)
            {
                errors.Add(new(flow.Id, $"Sequence flow '{flow.Id}' is the default flow of exclusive gateway {gateway.Label} but also has a condition, which would never be used. Remove the condition."));
            }
            else if (!isDefault && !flow.IsConditional && gateway.Outgoing.Count > 1)
            {
                errors.Add(new(flow.Id, $"Sequence flow '{flow.Id}' leaves exclusive gateway {gateway.Label} without a condition and is not the gateway's default flow. Give it a condition, or make it the default flow."));
            }
        }
    }

    private static void CheckReachability(IReadOnlyDictionary<string, FlowNode> nodes, List<ValidationError> errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>(nodes.Values.Where(n => n is StartEventNode || (n.Kind == NodeKind.Unsupported && n.BpmnType == "startEvent")));
        while (queue.TryDequeue(out var node))
        {
            if (!reached.Add(node.Id))
            {
                continue;
            }

            foreach (var flow in node.Outgoing)
            {
                queue.Enqueue(nodes[flow.TargetId]);
            }

            if (node is UserTaskNode task)
            {
                task.Boundaries.ForEach(queue.Enqueue);
            }
        }

        foreach (var node in nodes.Values.Where(n => !reached.Contains(n.Id) && n.Kind != NodeKind.Unsupported))
        {
            // A boundary on an unreachable task is reported through its task; one on no task was reported already.
            if (node is BoundaryTimerNode)
            {
                continue;
            }

            errors.Add(new(node.Id, $"The {Friendly(node)} {node.Label} cannot be reached from any start event. Connect it with a sequence flow, or remove it."));
        }
    }

    private static string Friendly(FlowNode node) => node.Kind switch
    {
        NodeKind.StartEvent => "start event",
        NodeKind.EndEvent => "end event",
        NodeKind.UserTask => "user task",
        NodeKind.ServiceTask => "service task",
        NodeKind.ExclusiveGateway => "exclusive gateway",
        NodeKind.ParallelGateway => "parallel gateway",
        NodeKind.TimerCatch => "timer event",
        NodeKind.MessageCatch => "message event",
        NodeKind.TimerBoundary => "boundary timer",
        _ => "element",
    };
}
