using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Boundary events (BPMN 2.0 §10.5.4): timer (with cycles), message, error and escalation, attached to activities.</summary>
internal sealed partial class ProcessReader
{
    private FlowNode ReadBoundary(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        var cancel = !string.Equals((string?)element.Attribute("cancelActivity"), "false", StringComparison.OrdinalIgnoreCase);
        var attachedTo = ((string?)element.Attribute("attachedToRef"))?.Trim() ?? "";
        var correlation = (string?)element.Attribute(BpmnNames.CaseFlow + "correlationKey");
        var kind = definition?.Name.LocalName;
        if (correlation is not null && kind != "messageEventDefinition")
        {
            Error(id, $"{Describe(element)} has caseflow:correlationKey, which only message events use. Remove it.",
                $"{DescribeZh(element)}带有 caseflow:correlationKey，只有消息事件使用它，请删除。");
        }

        if (kind == "errorEventDefinition" && !cancel)
        {
            // BPMN 2.0 §10.5.4: an error always interrupts the activity it leaves.
            Error(id, $"{Describe(element)} catches an error but is non-interrupting; an error boundary event always interrupts. Remove cancelActivity=\"false\".",
                $"{DescribeZh(element)}捕获错误但设为不中断；错误边界事件总是中断活动。请删除 cancelActivity=\"false\"。");
        }

        BoundaryEventNode? node = kind switch
        {
            "timerEventDefinition" => Timer(definition!, element, id, allowCycle: true) is { } timer
                ? new BoundaryEventNode(id, Name(element), attachedTo, cancel, EventTrigger.Timer) { Timer = timer }
                : null,
            "messageEventDefinition" => new BoundaryEventNode(id, Name(element), attachedTo, cancel, EventTrigger.Message)
            {
                MessageName = MessageName(definition!, element, id) ?? "",
                CorrelationKey = Template(correlation, element, id, "correlation key"),
            },
            "errorEventDefinition" => new BoundaryEventNode(id, Name(element), attachedTo, cancel, EventTrigger.Error)
            {
                Code = CaughtCode(definition!, element, id, "error"),
            },
            "escalationEventDefinition" => new BoundaryEventNode(id, Name(element), attachedTo, cancel, EventTrigger.Escalation)
            {
                Code = CaughtCode(definition!, element, id, "escalation"),
            },
            _ => null,
        };

        if (node is null)
        {
            return kind is null or "timerEventDefinition"
                ? Placeholder(element, id, kind)
                : RefuseDefinition(element, id, kind, "Boundary events may be timer, message, error or escalation events.", "边界事件只能是定时器、消息、错误或升级事件。");
        }

        _boundaries[id] = node;
        return node;
    }

    private FlowNode Placeholder(XElement element, string id, string? kind)
    {
        if (kind is null)
        {
            Error(id, $"{Describe(element)} does not say what it waits for. Give it a timer, message, error or escalation.",
                $"{DescribeZh(element)}没有说明等待什么。请给它定时器、消息、错误或升级定义。");
        }

        return new FlowNode(id, Name(element), NodeKind.Unsupported, "boundaryEvent");
    }

    private void AttachBoundaries(Dictionary<string, FlowNode> nodes)
    {
        foreach (var boundary in _boundaries.Values)
        {
            var target = nodes.GetValueOrDefault(boundary.AttachedToId);
            if (target is ActivityNode activity)
            {
                if (boundary.Trigger is EventTrigger.Error or EventTrigger.Escalation && !activity.HasInnerThrows)
                {
                    var what = boundary.Trigger == EventTrigger.Error ? "error" : "escalation";
                    var whatZh = boundary.Trigger == EventTrigger.Error ? "错误" : "升级";
                    Error(boundary.Id, $"Boundary event {boundary.Label} catches an {what}, but {activity.Label} is a {activity.BpmnType}, which throws none. Attach it to a sub-process or call activity.",
                        $"边界事件 {boundary.Label} 捕获{whatZh}，但 {activity.Label} 是{FriendlyZh(activity.BpmnType)}，不会抛出{whatZh}。请把它附加到子流程或调用活动上。");
                }
                else if (boundary.ParentId != activity.ParentId)
                {
                    Error(boundary.Id, $"Boundary event {boundary.Label} must be drawn at the same level as {activity.Label} (not inside or outside its sub-process).",
                        $"边界事件 {boundary.Label} 必须与 {activity.Label} 位于同一层级（不能在其子流程内外错位）。");
                }
                else
                {
                    activity.Boundaries.Add(boundary);
                }
            }
            else if (string.IsNullOrEmpty(boundary.AttachedToId) || !_allIds.Contains(boundary.AttachedToId))
            {
                Error(boundary.Id, $"Boundary event {boundary.Label} is not attached to an existing task (attachedToRef '{boundary.AttachedToId}').",
                    $"边界事件 {boundary.Label} 没有附加到已存在的任务上（attachedToRef “{boundary.AttachedToId}”）。");
            }
            else
            {
                var type = target?.BpmnType ?? "element";
                Error(boundary.Id, $"Boundary event {boundary.Label} is attached to '{boundary.AttachedToId}', which is a {type}. CaseFlow supports boundary events on user tasks, sub-processes and call activities.",
                    $"边界事件 {boundary.Label} 附加在“{boundary.AttachedToId}”上，它是{FriendlyZh(type)}。CaseFlow 只支持用户任务、子流程和调用活动上的边界事件。");
            }
        }
    }
}
