namespace CaseFlow.Workflows.Bpmn;

/// <summary>Gateway checks: conditions and default flows, and what may follow an event-based gateway.</summary>
internal static partial class GraphValidator
{
    /// <summary>Exclusive and inclusive gateways: every branch but the default needs a condition (BPMN 2.0 §10.6.2, §10.6.3).</summary>
    private static void CheckConditional(FlowNode gateway, string? defaultFlowId, List<ValidationError> errors)
    {
        var kind = Friendly(gateway);
        var kindZh = FriendlyZh(gateway);
        if (defaultFlowId is not null && gateway.Outgoing.All(f => f.Id != defaultFlowId))
        {
            Add(errors, gateway.Id,
                $"The default flow '{defaultFlowId}' of {kind} {gateway.Label} is not one of its outgoing sequence flows.",
                $"{kindZh} {gateway.Label} 的默认流“{defaultFlowId}”不是它的传出顺序流。");
        }

        foreach (var flow in gateway.Outgoing)
        {
            var isDefault = flow.Id == defaultFlowId;
            if (isDefault && flow.IsConditional)
            {
                Add(errors, flow.Id,
                    $"Sequence flow '{flow.Id}' is the default flow of {kind} {gateway.Label} but also has a condition, which would never be used. Remove the condition.",
                    $"顺序流“{flow.Id}”是{kindZh} {gateway.Label} 的默认流，却又带有条件，该条件永远不会被使用。请删除条件。");
            }
            else if (!isDefault && !flow.IsConditional && gateway.Outgoing.Count > 1)
            {
                Add(errors, flow.Id,
                    $"Sequence flow '{flow.Id}' leaves {kind} {gateway.Label} without a condition and is not the gateway's default flow. Give it a condition, or make it the default flow.",
                    $"顺序流“{flow.Id}”从{kindZh} {gateway.Label} 出发，既没有条件也不是默认流。请给它条件，或设为默认流。");
            }
        }
    }

    /// <summary>BPMN 2.0 §10.6.6: an event-based gateway leads to two or more catch events, each reached only from it.</summary>
    private static void CheckEventGateway(FlowNode gateway, IReadOnlyDictionary<string, FlowNode> nodes, List<ValidationError> errors)
    {
        if (gateway.Outgoing.Count == 1)
        {
            Add(errors, gateway.Id,
                $"The event-based gateway {gateway.Label} has only one outgoing flow; it chooses between events, so it needs at least two. Use the catch event directly.",
                $"事件网关 {gateway.Label} 只有一条传出顺序流；它用于在多个事件之间选择，至少需要两条。请直接使用捕获事件。");
        }

        foreach (var flow in gateway.Outgoing)
        {
            var target = nodes[flow.TargetId];
            if (target.Kind == NodeKind.Unsupported)
            {
                continue;
            }

            if (target.Kind is not (NodeKind.TimerCatch or NodeKind.MessageCatch))
            {
                Add(errors, gateway.Id,
                    $"The event-based gateway {gateway.Label} leads to {Friendly(target)} {target.Label} through '{flow.Id}'; it may only be followed by intermediate timer or message catch events.",
                    $"事件网关 {gateway.Label} 通过“{flow.Id}”连到{FriendlyZh(target)} {target.Label}；事件网关之后只能是中间定时器或消息捕获事件。");
            }
            else if (target.Incoming.Count > 1)
            {
                Add(errors, target.Id,
                    $"The {Friendly(target)} {target.Label} follows event-based gateway {gateway.Label} and must have no other incoming sequence flow.",
                    $"{FriendlyZh(target)} {target.Label} 位于事件网关 {gateway.Label} 之后，不能再有其他传入的顺序流。");
            }
        }
    }
}
