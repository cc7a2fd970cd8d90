using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Start, end, intermediate catch and boundary events.</summary>
internal sealed partial class ProcessReader
{
    private static readonly string[] EventDefinitionNames =
    [
        "messageEventDefinition", "timerEventDefinition", "terminateEventDefinition", "errorEventDefinition",
        "escalationEventDefinition", "signalEventDefinition", "conditionalEventDefinition", "linkEventDefinition",
        "compensateEventDefinition", "cancelEventDefinition", "eventDefinitionRef",
    ];

    private FlowNode ReadStart(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        return definition?.Name.LocalName switch
        {
            null => new StartEventNode(id, Name(element), null),
            "messageEventDefinition" => new StartEventNode(id, Name(element), MessageName(definition, element, id) ?? ""),
            "timerEventDefinition" => ReadTimerStart(definition, element, id),
            var other => RefuseDefinition(element, id, other, "Start the process without an event, or with a message or timer start event.", "请使用无触发的开始事件、消息开始事件或定时开始事件。"),
        };
    }

    private FlowNode ReadEnd(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        return definition?.Name.LocalName switch
        {
            null => new EndEventNode(id, Name(element), EventTrigger.None, null),
            "terminateEventDefinition" => new EndEventNode(id, Name(element), EventTrigger.Terminate, null),
            "errorEventDefinition" => new EndEventNode(id, Name(element), EventTrigger.Error, ThrownCode(definition, element, id, "error")),
            "escalationEventDefinition" => new EndEventNode(id, Name(element), EventTrigger.Escalation, ThrownCode(definition, element, id, "escalation")),
            var other => RefuseDefinition(element, id, other,
                "End events may be plain, terminate, error or escalation.", "结束事件只能是普通、终止、错误或升级结束事件。"),
        };
    }

    private FlowNode ReadCatch(XElement element, string id)
    {
        CheckChildren(element, id, EventDefinitionNames);
        var definition = SingleDefinition(element, id);
        var correlation = (string?)element.Attribute(BpmnNames.CaseFlow + "correlationKey");
        if (correlation is not null && definition?.Name.LocalName != "messageEventDefinition")
        {
            Error(id, $"{Describe(element)} has caseflow:correlationKey, which only message catch events use. Remove it.",
                $"{DescribeZh(element)}带有 caseflow:correlationKey，只有消息捕获事件使用它，请删除。");
        }

        switch (definition?.Name.LocalName)
        {
            case "timerEventDefinition":
                return Timer(definition, element, id, allowCycle: false) is { } timer
                    ? new TimerCatchNode(id, Name(element), timer)
                    : new FlowNode(id, Name(element), NodeKind.Unsupported, "intermediateCatchEvent");
            case "messageEventDefinition":
                return new MessageCatchNode(id, Name(element), MessageName(definition, element, id) ?? "", Template(correlation, element, id, "correlation key"));
            case null:
                Error(id, $"{Describe(element)} does not say what it waits for. Give it a timer or a message.", $"{DescribeZh(element)}没有说明等待什么。请给它一个定时器或消息。");
                return new FlowNode(id, Name(element), NodeKind.Unsupported, "intermediateCatchEvent");
            default:
                return RefuseDefinition(element, id, definition.Name.LocalName, "Intermediate catch events may wait for a timer or a message.", "中间捕获事件只能等待定时器或消息。");
        }
    }

    private XElement? SingleDefinition(XElement element, string id)
    {
        var definitions = element.Elements().Where(e => e.Name.Namespace == BpmnNames.Bpmn && EventDefinitionNames.Contains(e.Name.LocalName)).ToList();
        if (definitions.Count > 1)
        {
            Error(id, $"{Describe(element)} has {definitions.Count} event definitions; CaseFlow supports exactly one per event.", $"{DescribeZh(element)}有 {definitions.Count} 个事件定义；CaseFlow 要求每个事件恰好一个。");
        }

        return definitions.FirstOrDefault();
    }

    private FlowNode RefuseDefinition(XElement element, string id, string definition, string hint, string? hintZh = null)
    {
        var what = definition.Replace("EventDefinition", "", StringComparison.Ordinal);
        Error(id, $"Element type '{element.Name.LocalName}' with '{what}' is not supported by CaseFlow. {hint}",
            $"CaseFlow 不支持带“{what}”的{FriendlyZh(element.Name.LocalName)}。{hintZh ?? hint}");
        return new FlowNode(id, Name(element), NodeKind.Unsupported, element.Name.LocalName);
    }

    private string? MessageName(XElement definition, XElement element, string id)
    {
        var reference = ((string?)definition.Attribute("messageRef"))?.Trim();
        if (string.IsNullOrEmpty(reference))
        {
            Error(id, $"{Describe(element)} does not say which message it waits for. Choose a message (messageRef).", $"{DescribeZh(element)}没有说明等待哪个消息。请选择一个消息（messageRef）。");
            return null;
        }

        if (!messages.TryGetValue(reference, out var name))
        {
            Error(id, $"{Describe(element)} refers to the message '{reference}', which is not defined in the document. Add a bpmn:message with that id.", $"{DescribeZh(element)}引用的消息“{reference}”在文档中没有定义。请添加该 id 的 bpmn:message。");
            return null;
        }

        return name;
    }
}
