using System.Globalization;
using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Call activities (BPMN 2.0 §10.3.6) with their variable mappings, and timer start events.</summary>
internal sealed partial class ProcessReader
{
    /// <summary>The CaseFlow extension elements an element may carry in <c>bpmn:extensionElements</c>.</summary>
    private static bool IsKnownExtension(XElement owner, XElement extension) =>
        (owner.Name.LocalName, extension.Name.LocalName) is ("serviceTask", "input") or ("callActivity", "in" or "out") or ("userTask" or "manualTask", "form");

    private CallActivityNode ReadCallActivity(XElement element, string id)
    {
        CheckChildren(element, id);
        var called = ((string?)element.Attribute("calledElement"))?.Trim() ?? "";
        if (called.Length == 0)
        {
            Error(id, $"{Describe(element)} does not say which process it calls. Set calledElement to the key of a published process.",
                $"{DescribeZh(element)}没有说明调用哪个流程。请把 calledElement 设为一个已发布流程的键。");
        }

        int? version = null;
        if ((string?)element.Attribute(BpmnNames.CaseFlow + "version") is { } versionText)
        {
            if (int.TryParse(versionText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pinned) && pinned >= 1)
            {
                version = pinned;
            }
            else
            {
                Error(id, $"caseflow:version of {Describe(element)} is '{versionText}'; it must be a published version number (1, 2, ...), or left out to call the latest version.",
                    $"{DescribeZh(element)}的 caseflow:version 为“{versionText}”；必须是已发布的版本号（1、2……），或省略以调用最新版本。");
            }
        }

        var extensions = element.Elements(BpmnNames.Bpmn + "extensionElements").Elements().ToList();
        return new CallActivityNode(id, Name(element), called)
        {
            Version = version,
            Inputs = ReadMappings(element, id, extensions.Where(e => e.Name == BpmnNames.CaseFlow + "in"), "in"),
            Outputs = ReadMappings(element, id, extensions.Where(e => e.Name == BpmnNames.CaseFlow + "out"), "out"),
        };
    }

    private List<VariableMapping> ReadMappings(XElement element, string id, IEnumerable<XElement> mappings, string direction)
    {
        var result = new List<VariableMapping>();
        foreach (var mapping in mappings)
        {
            var source = ((string?)mapping.Attribute("source"))?.Trim();
            var expression = ((string?)mapping.Attribute("sourceExpression"))?.Trim();
            var target = ((string?)mapping.Attribute("target"))?.Trim();
            if (mapping.Attributes().FirstOrDefault(a => a.Name.LocalName is not ("source" or "sourceExpression" or "target") && !a.IsNamespaceDeclaration) is { } unknown)
            {
                Error(id, $"caseflow:{direction} of {Describe(element)} has the attribute '{unknown.Name.LocalName}'; a mapping has source or sourceExpression, and target.",
                    $"{DescribeZh(element)}的 caseflow:{direction} 带有属性“{unknown.Name.LocalName}”；映射只有 source 或 sourceExpression，以及 target。");
                continue;
            }

            if (string.IsNullOrEmpty(target) || string.IsNullOrEmpty(source) == string.IsNullOrEmpty(expression))
            {
                Error(id, $"A caseflow:{direction} of {Describe(element)} is incomplete: it needs a target and exactly one of source (a variable) or sourceExpression (JavaScript).",
                    $"{DescribeZh(element)}的一个 caseflow:{direction} 不完整：需要 target，以及 source（变量）或 sourceExpression（JavaScript）二者之一。");
                continue;
            }

            if (result.Any(m => m.Target == target))
            {
                Error(id, $"{Describe(element)} maps to the variable '{target}' more than once (caseflow:{direction}).",
                    $"{DescribeZh(element)}多次映射到变量“{target}”（caseflow:{direction}）。");
                continue;
            }

            var compiled = expression is null ? null
                : Compile(expression, id, $"The sourceExpression of caseflow:{direction} '{target}' of {Describe(element)} is invalid.",
                    $"{DescribeZh(element)}的 caseflow:{direction}“{target}”的 sourceExpression 无效。");
            if (expression is null || compiled is not null)
            {
                result.Add(new VariableMapping(string.IsNullOrEmpty(source) ? null : source, compiled, target));
            }
        }

        return result;
    }

    /// <summary>A timer start event: <c>timeDate</c>, <c>timeDuration</c> (once, after publishing) or <c>timeCycle</c>.</summary>
    private FlowNode ReadTimerStart(XElement definition, XElement element, string id) =>
        Timer(definition, element, id, allowCycle: true) is { } timer
            ? new TimerStartNode(id, Name(element), timer)
            : new FlowNode(id, Name(element), NodeKind.Unsupported, "startEvent");
}
