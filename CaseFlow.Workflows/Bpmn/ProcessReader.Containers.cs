using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Embedded sub-processes, event-based gateways, and the error and escalation definitions events refer to.</summary>
internal sealed partial class ProcessReader
{
    // Error and escalation codes by the id of their bpmn:error / bpmn:escalation; a null code is reported where it is used.
    private readonly Dictionary<string, string?> _errorCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _escalationCodes = new(StringComparer.Ordinal);

    private void ReadThrowDefinitions(XElement process)
    {
        foreach (var definition in process.Parent?.Elements() ?? [])
        {
            var table = definition.Name == BpmnNames.Bpmn + "error" ? _errorCodes
                : definition.Name == BpmnNames.Bpmn + "escalation" ? _escalationCodes
                : null;
            if (table is not null && BpmnNames.Id(definition) is { } id)
            {
                var attribute = table == _errorCodes ? "errorCode" : "escalationCode";
                table.TryAdd(id, ((string?)definition.Attribute(attribute))?.Trim() is { Length: > 0 } code ? code : null);
            }
        }
    }

    /// <summary>The code an error or escalation end event throws; it must name a defined error/escalation with a code.</summary>
    private string? ThrownCode(XElement definition, XElement element, string id, string kind)
    {
        var code = ReferencedCode(definition, element, id, kind);
        if (code is null && !string.IsNullOrEmpty(ReferenceOf(definition, kind)))
        {
            return null;
        }

        if (code is null)
        {
            var kindZh = kind == "error" ? "错误" : "升级";
            Error(id, $"{Describe(element)} does not say which {kind} it throws. Choose one ({kind}Ref).",
                $"{DescribeZh(element)}没有说明抛出哪个{kindZh}。请选择一个（{kind}Ref）。");
        }

        return code;
    }

    /// <summary>The code a boundary event catches; null (no reference) catches every error or escalation.</summary>
    private string? CaughtCode(XElement definition, XElement element, string id, string kind) =>
        string.IsNullOrEmpty(ReferenceOf(definition, kind)) ? null : ReferencedCode(definition, element, id, kind);

    private static string? ReferenceOf(XElement definition, string kind) => ((string?)definition.Attribute(kind + "Ref"))?.Trim();

    private string? ReferencedCode(XElement definition, XElement element, string id, string kind)
    {
        var reference = ReferenceOf(definition, kind);
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var table = kind == "error" ? _errorCodes : _escalationCodes;
        var kindZh = kind == "error" ? "错误" : "升级";
        if (!table.TryGetValue(reference, out var code))
        {
            Error(id, $"{Describe(element)} refers to the {kind} '{reference}', which is not defined in the document. Add a bpmn:{kind} with that id.",
                $"{DescribeZh(element)}引用的{kindZh}“{reference}”在文档中没有定义。请添加该 id 的 bpmn:{kind}。");
            return null;
        }

        if (code is null)
        {
            Error(id, $"The {kind} '{reference}' used by {Describe(element)} has no {kind}Code. Give it a code, e.g. CASE_INVALID.",
                $"{DescribeZh(element)}使用的{kindZh}“{reference}”没有 {kind}Code。请给它一个代码，例如 CASE_INVALID。");
        }

        return code;
    }

    private FlowNode ReadSubProcess(XElement element, string id, Dictionary<string, FlowNode> nodes, List<XElement> flowElements)
    {
        if (string.Equals((string?)element.Attribute("triggeredByEvent"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // Its inner ids are known, so flows inside it do not add follow-up errors.
            foreach (var inner in element.Descendants().Select(BpmnNames.Id).OfType<string>())
            {
                _allIds.Add(inner);
            }

            Error(id, $"{Describe(element)} is an event sub-process, which CaseFlow does not support. Use boundary events on an embedded sub-process instead.",
                $"{DescribeZh(element)}是事件子流程，CaseFlow 不支持。请改用嵌入式子流程上的边界事件。");
            return new FlowNode(id, Name(element), NodeKind.Unsupported, "subProcess");
        }

        if (element.Elements().Any(c => c.Name == BpmnNames.Bpmn + "multiInstanceLoopCharacteristics" || c.Name == BpmnNames.Bpmn + "standardLoopCharacteristics"))
        {
            Error(id, $"{Describe(element)} repeats (multi-instance or loop), which CaseFlow does not support yet. Draw the repetition with a gateway instead.",
                $"{DescribeZh(element)}是重复执行的（多实例或循环），CaseFlow 暂不支持。请改用网关画出重复。");
        }

        var node = new SubProcessNode(id, Name(element));
        ReadElements(element, id, node, nodes, flowElements);
        var starts = node.ChildIds.Select(c => nodes[c]).Where(n => n.BpmnType == "startEvent").ToList();
        if (starts.Count != 1 || starts[0] is not StartEventNode { MessageName: null } start)
        {
            Error(id, $"{Describe(element)} must contain exactly one start event without a trigger (it has {starts.Count}); the sub-process starts there when a token enters it.",
                $"{DescribeZh(element)}内必须恰好有一个无触发的开始事件（现有 {starts.Count} 个）；令牌进入子流程时从那里开始。");
        }
        else
        {
            node.StartId = start.Id;
        }

        return node;
    }

    private FlowNode ReadEventGateway(XElement element, string id)
    {
        CheckChildren(element, id);
        if (string.Equals((string?)element.Attribute("instantiate"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals((string?)element.Attribute("eventGatewayType"), "Parallel", StringComparison.OrdinalIgnoreCase))
        {
            Error(id, $"{Describe(element)} starts the process or waits for all events (instantiate/eventGatewayType), which CaseFlow does not support. Use an ordinary event-based gateway after the start event.",
                $"{DescribeZh(element)}用于启动流程或等待全部事件（instantiate/eventGatewayType），CaseFlow 不支持。请在开始事件之后使用普通事件网关。");
        }

        return new FlowNode(id, Name(element), NodeKind.EventBasedGateway, "eventBasedGateway");
    }
}
