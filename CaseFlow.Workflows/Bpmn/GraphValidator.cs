namespace CaseFlow.Workflows.Bpmn;

/// <summary>Structural checks on a linked graph: start events, dead ends, gateway conditions, reachability.</summary>
/// <remarks>Every problem is reported in English and Chinese, naming the element to fix.</remarks>
internal static partial class GraphValidator
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
                Add(errors, node.Id,
                    $"The {Friendly(node)} {node.Label} has no outgoing sequence flow, so the process would stop there. Connect it to the next step or to an end event.",
                    $"{FriendlyZh(node)} {node.Label} 没有传出的顺序流，流程会停在那里。请把它连接到下一步或结束事件。");
            }

            switch (node)
            {
                case ExclusiveGatewayNode exclusive:
                    CheckConditional(exclusive, exclusive.DefaultFlowId, errors);
                    break;
                case InclusiveGatewayNode inclusive:
                    CheckConditional(inclusive, inclusive.DefaultFlowId, errors);
                    break;
                case { Kind: NodeKind.EventBasedGateway }:
                    CheckEventGateway(node, nodes, errors);
                    break;
            }
        }

        foreach (var flow in flows.Values.Where(f => f.IsConditional && nodes[f.SourceId].Kind is not (NodeKind.ExclusiveGateway or NodeKind.InclusiveGateway or NodeKind.Unsupported)))
        {
            // Conditional flows out of tasks and events would be an implicit inclusive split; CaseFlow asks for
            // an explicit gateway instead so the decision is visible in the diagram.
            var source = nodes[flow.SourceId];
            Add(errors, flow.Id,
                $"Sequence flow '{flow.Id}' has a condition but does not leave an exclusive or inclusive gateway. CaseFlow evaluates conditions only on exclusive and inclusive gateways: put an exclusive gateway after {source.Label}.",
                $"顺序流“{flow.Id}”带有条件，但不是从排他网关或包容网关出发。CaseFlow 只在排他和包容网关上计算条件：请在 {source.Label} 之后放一个排他网关。");
        }

        CheckReachability(nodes, errors);
    }

    private static void CheckStarts(string processId, IReadOnlyDictionary<string, FlowNode> nodes, List<ValidationError> errors)
    {
        // Start events inside sub-processes are checked by the reader; only the process's own ways in count here.
        var topLevel = nodes.Values.Where(n => n.ParentId is null).ToList();
        var starts = topLevel.OfType<StartEventNode>().ToList();
        var refusedStarts = topLevel.Any(n => n.Kind == NodeKind.Unsupported && n.BpmnType == "startEvent");
        if (starts.Count == 0 && !refusedStarts && !topLevel.OfType<TimerStartNode>().Any())
        {
            Add(errors, processId, "The process has no start event. Add a start event where the process begins.", "流程没有开始事件。请在流程开始处添加开始事件。");
        }

        var noneStarts = starts.Where(s => s.MessageName is null).ToList();
        if (noneStarts.Count > 1)
        {
            var list = string.Join(", ", noneStarts.Select(s => s.Id));
            Add(errors, processId,
                $"The process has {noneStarts.Count} start events without a trigger ({list}); it may have only one. Use message start events for the other ways in.",
                $"流程有 {noneStarts.Count} 个无触发的开始事件（{list}），只能有一个。其他入口请使用消息开始事件。");
        }

        foreach (var duplicate in starts.Where(s => !string.IsNullOrEmpty(s.MessageName)).GroupBy(s => s.MessageName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add(errors, duplicate.Last().Id,
                $"More than one start event waits for the message '{duplicate.Key}'; a message may start the process in one place only.",
                $"有多个开始事件等待消息“{duplicate.Key}”；一个消息只能在一处启动流程。");
        }
    }

    private static void CheckReachability(IReadOnlyDictionary<string, FlowNode> nodes, List<ValidationError> errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<FlowNode>(nodes.Values.Where(n => n.ParentId is null
            && (n is StartEventNode or TimerStartNode || (n.Kind == NodeKind.Unsupported && n.BpmnType == "startEvent"))));
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

            if (node is ActivityNode activity)
            {
                activity.Boundaries.ForEach(queue.Enqueue);
            }

            if (node is SubProcessNode { StartId: { } start })
            {
                queue.Enqueue(nodes[start]);
            }
        }

        foreach (var node in nodes.Values.Where(n => !reached.Contains(n.Id) && n.Kind != NodeKind.Unsupported))
        {
            // A boundary on an unreachable task is reported through its task; one on no task was reported already.
            // The inside of an unreachable sub-process is reported through the sub-process.
            if (node is BoundaryEventNode || (node.ParentId is { } parent && !reached.Contains(parent)))
            {
                continue;
            }

            Add(errors, node.Id,
                $"The {Friendly(node)} {node.Label} cannot be reached from any start event. Connect it with a sequence flow, or remove it.",
                $"{FriendlyZh(node)} {node.Label} 无法从任何开始事件到达。请用顺序流连接它，或删除它。");
        }
    }

    private static void Add(List<ValidationError> errors, string elementId, string message, string messageZh) =>
        errors.Add(new ValidationError(elementId, message) { MessageZh = messageZh });

    private static string Friendly(FlowNode node) => node.Kind switch
    {
        NodeKind.StartEvent => "start event",
        NodeKind.EndEvent => "end event",
        NodeKind.UserTask => "user task",
        NodeKind.ServiceTask => "service task",
        NodeKind.ExclusiveGateway => "exclusive gateway",
        NodeKind.ParallelGateway => "parallel gateway",
        NodeKind.InclusiveGateway => "inclusive gateway",
        NodeKind.EventBasedGateway => "event-based gateway",
        NodeKind.SubProcess => "sub-process",
        NodeKind.CallActivity => "call activity",
        NodeKind.TimerCatch => "timer event",
        NodeKind.MessageCatch => "message event",
        NodeKind.BoundaryEvent => "boundary event",
        NodeKind.Task => "task",
        _ => "element",
    };

    private static string FriendlyZh(FlowNode node) => node.Kind switch
    {
        NodeKind.StartEvent => "开始事件",
        NodeKind.EndEvent => "结束事件",
        NodeKind.UserTask => "用户任务",
        NodeKind.ServiceTask => "服务任务",
        NodeKind.ExclusiveGateway => "排他网关",
        NodeKind.ParallelGateway => "并行网关",
        NodeKind.InclusiveGateway => "包容网关",
        NodeKind.EventBasedGateway => "事件网关",
        NodeKind.SubProcess => "子流程",
        NodeKind.CallActivity => "调用活动",
        NodeKind.TimerCatch => "定时器事件",
        NodeKind.MessageCatch => "消息事件",
        NodeKind.BoundaryEvent => "边界事件",
        NodeKind.Task => "任务",
        _ => "元素",
    };
}
