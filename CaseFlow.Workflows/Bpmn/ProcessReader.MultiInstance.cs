using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Multi-instance user tasks: <c>bpmn:multiInstanceLoopCharacteristics</c> with CaseFlow's (or Camunda's) collection attributes.</summary>
internal sealed partial class ProcessReader
{
    // Other engines' spellings of the collection and element variable, read so their files run unchanged.
    private static readonly XNamespace[] LoopNamespaces =
    [
        BpmnNames.CaseFlow, "http://camunda.org/schema/1.0/bpmn", "http://flowable.org/bpmn", "http://activiti.org/bpmn",
    ];

    private MultiInstanceSpec? ReadMultiInstance(XElement element, string id)
    {
        var loop = element.Element(BpmnNames.Bpmn + "multiInstanceLoopCharacteristics");
        if (loop is null)
        {
            return null;
        }

        var sequential = string.Equals(((string?)loop.Attribute("isSequential"))?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var collectionText = LoopAttribute(loop, "collection") ?? loop.Element(BpmnNames.Bpmn + "loopDataInputRef")?.Value;
        var elementVariable = LoopAttribute(loop, "elementVariable")
            ?? (loop.Element(BpmnNames.Bpmn + "inputDataItem") is { } item ? ((string?)item.Attribute("name") ?? BpmnNames.Id(item)) : null);
        var cardinalityText = loop.Element(BpmnNames.Bpmn + "loopCardinality")?.Value;
        var completionText = loop.Element(BpmnNames.Bpmn + "completionCondition")?.Value;

        if (string.IsNullOrWhiteSpace(collectionText) && string.IsNullOrWhiteSpace(cardinalityText))
        {
            Error(id, $"{Describe(element)} is multi-instance but does not say how many instances to create. Give it a loopCardinality (e.g. 3 or ${{heads.length}}) or a list in caseflow:collection with caseflow:elementVariable (e.g. caseflow:collection=\"${{heads}}\" caseflow:elementVariable=\"head\").",
                $"{DescribeZh(element)}是多实例任务，但没有说明创建几个实例。请设置 loopCardinality（如 3 或 ${{heads.length}}），或在 caseflow:collection 中给出列表并用 caseflow:elementVariable 命名每一项（如 caseflow:collection=\"${{heads}}\" caseflow:elementVariable=\"head\"）。");
            return null;
        }

        var collection = LoopExpression(collectionText, element, id, "collection", "集合");
        var cardinality = collection is null ? LoopExpression(cardinalityText, element, id, "loop cardinality", "实例数") : null;
        var completion = LoopExpression(completionText, element, id, "completion condition", "完成条件");
        var variable = elementVariable?.Trim();
        if (variable is { Length: > 0 } && !IsIdentifier(variable))
        {
            Error(id, $"The element variable '{variable}' of {Describe(element)} is not a valid variable name; use letters, digits and _ only, starting with a letter.",
                $"{DescribeZh(element)}的元素变量“{variable}”不是有效的变量名；只能使用字母、数字和 _，并以字母开头。");
        }

        var results = ((string?)loop.Attribute(BpmnNames.CaseFlow + "results"))?.Trim();
        return new MultiInstanceSpec(sequential, cardinality, collection, variable is { Length: > 0 } ? variable : null, completion, results is { Length: > 0 } ? results : null);
    }

    private static string? LoopAttribute(XElement loop, string name) =>
        LoopNamespaces.Select(ns => (string?)loop.Attribute(ns + name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private Expressions.CompiledExpression? LoopExpression(string? text, XElement element, string id, string what, string whatZh)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var source = TryUnwrap(text.Trim(), out var inner) ? inner : text.Trim();
        return Compile(source, id, $"The {what} of {Describe(element)} is not a valid expression.", $"{DescribeZh(element)}的{whatZh}不是有效的表达式。");
    }

    private static bool IsIdentifier(string name) =>
        char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
