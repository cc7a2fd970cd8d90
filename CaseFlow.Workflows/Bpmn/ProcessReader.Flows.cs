using System.Xml.Linq;
using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Sequence flows: linking, and conditions compiled once.</summary>
internal sealed partial class ProcessReader
{
    private static readonly HashSet<string> JavaScriptLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "javascript", "js", "ecmascript", "text/javascript", "application/javascript", "application/ecmascript",
    };

    private Dictionary<string, SequenceFlow> ReadFlows(List<XElement> flowElements, Dictionary<string, FlowNode> nodes)
    {
        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var element in flowElements)
        {
            var id = BpmnNames.Id(element)!;
            CheckChildren(element, id, "conditionExpression");
            var source = ((string?)element.Attribute("sourceRef"))?.Trim() ?? "";
            var target = ((string?)element.Attribute("targetRef"))?.Trim() ?? "";
            var condition = ReadCondition(element, id);
            var from = Endpoint(nodes, source, id, "starts");
            var to = Endpoint(nodes, target, id, "ends");
            if (from is null || to is null || flows.ContainsKey(id))
            {
                continue;
            }

            if (from.Kind == NodeKind.EndEvent)
            {
                Error(id, $"Sequence flow '{id}' leaves end event {from.Label}, but nothing can follow an end event.", $"顺序流“{id}”从结束事件 {from.Label} 出发，但结束事件之后不能再有步骤。");
                continue;
            }

            if (to is StartEventNode or TimerStartNode or BoundaryEventNode)
            {
                Error(id, $"Sequence flow '{id}' leads into {to.BpmnType} {to.Label}, which cannot have incoming flows; it starts on its own.", $"顺序流“{id}”指向{FriendlyZh(to.BpmnType)} {to.Label}，它不能有传入的顺序流，它自行触发。");
                continue;
            }

            if (from.ParentId != to.ParentId)
            {
                // BPMN 2.0 §10.3.5: sequence flows do not cross a sub-process boundary; the sub-process itself is entered and left.
                Error(id, $"Sequence flow '{id}' crosses the border of a sub-process ({from.Label} and {to.Label} are at different levels). Connect the sub-process itself, and its inner start and end events inside it.",
                    $"顺序流“{id}”跨越了子流程边界（{from.Label} 和 {to.Label} 不在同一层级）。请连接子流程本身，子流程内部用其开始和结束事件。");
                continue;
            }

            var flow = new SequenceFlow(id, source, target, condition, element.Elements(BpmnNames.Bpmn + "conditionExpression").Any());
            flows[id] = flow;
            from.Outgoing.Add(flow);
            to.Incoming.Add(flow);
        }

        return flows;
    }

    private FlowNode? Endpoint(Dictionary<string, FlowNode> nodes, string reference, string id, string verb)
    {
        if (nodes.TryGetValue(reference, out var node))
        {
            return node;
        }

        // An id of a refused element was already reported; say nothing more about it.
        if (!_allIds.Contains(reference) || reference.Length == 0)
        {
            Error(id, reference.Length == 0
                ? $"Sequence flow '{id}' does not say where it {verb} ({(verb == "starts" ? "sourceRef" : "targetRef")} is missing)."
                : $"Sequence flow '{id}' {verb} at '{reference}', which is not an element of this process.",
                reference.Length == 0
                ? $"顺序流“{id}”没有说明{(verb == "starts" ? "从哪里出发（缺少 sourceRef）" : "到哪里结束（缺少 targetRef）")}。"
                : $"顺序流“{id}”{(verb == "starts" ? "的起点" : "的终点")}“{reference}”不是本流程的元素。");
        }

        return null;
    }

    private CompiledExpression? ReadCondition(XElement element, string id)
    {
        var conditions = element.Elements(BpmnNames.Bpmn + "conditionExpression").ToList();
        if (conditions.Count == 0)
        {
            return null;
        }

        var condition = conditions[0];
        // The document-wide default (BPMN's own default is XPath, which modelers often write out) is not a
        // statement about this condition; only an explicit language on the condition itself is checked.
        var language = (string?)condition.Attribute("language");
        if (language is not null && !JavaScriptLanguages.Contains(language.Trim()))
        {
            Error(id, $"The condition of sequence flow '{id}' is written in '{language}'. CaseFlow conditions are JavaScript; remove the language attribute or set it to javascript.",
                $"顺序流“{id}”的条件使用“{language}”语言。CaseFlow 的条件是 JavaScript；请删除 language 属性或设为 javascript。");
            return null;
        }

        var text = condition.Value.Trim();
        if (TryUnwrap(text, out var inner))
        {
            text = inner;
        }

        if (text.Length == 0)
        {
            Error(id, $"The condition of sequence flow '{id}' is empty. Write a JavaScript condition such as outcome == 'accept', or remove the condition.",
                $"顺序流“{id}”的条件为空。请写 JavaScript 条件，例如 outcome == 'accept'，或删除条件。");
            return null;
        }

        return Compile(text, id, $"The condition of sequence flow '{id}' is invalid.", $"顺序流“{id}”的条件无效。");
    }
}
