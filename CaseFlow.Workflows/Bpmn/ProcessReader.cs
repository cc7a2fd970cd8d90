using System.Xml.Linq;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Expressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads the elements of one <c>bpmn:process</c> into graph nodes and flows, collecting every problem.</summary>
internal sealed partial class ProcessReader(
    IActivityRegistry activities,
    IExpressionEvaluator expressions,
    IReadOnlyDictionary<string, string> messages,
    List<ValidationError> errors)
{
    // Artifacts, containers and data with no execution meaning: kept in the file, skipped by the engine
    // (DocumentaryElements adds one note per kind, so the legal officer knows they are not run).
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "group",
        "dataObject", "dataObjectReference", "dataStoreReference", "ioSpecification", "property", "ioBinding",
        "auditing", "monitoring", "resourceRole", "performer", "humanPerformer", "potentialOwner", "correlationSubscription",
        "supports", "categoryValueRef",
    };

    // Children any flow element may have: the flow references, and documentary children kept but not run.
    private static readonly HashSet<string> CommonChildren = new(StringComparer.Ordinal)
    {
        "incoming", "outgoing", "documentation", "extensionElements",
        "ioSpecification", "property", "dataInputAssociation", "dataOutputAssociation", "dataInput", "dataOutput",
        "inputSet", "outputSet", "categoryValueRef", "auditing", "monitoring", "performer", "humanPerformer",
        "resourceRole", "potentialOwner",
    };

    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        ["scriptTask"] = "Scripts are not allowed; use a service task bound to a CaseFlow activity.",
        ["sendTask"] = "Use a service task with the SendEmail activity.",
        ["receiveTask"] = "Use an intermediate message catch event.",
        ["businessRuleTask"] = "Use an exclusive gateway with conditions.",
        ["adHocSubProcess"] = "Ad-hoc sub-processes (steps done in any order) are not supported; use an embedded sub-process (bpmn:subProcess), with a parallel gateway for steps that may run side by side.",
        ["transaction"] = "Transactions are not supported; draw the steps in the main process.",
        ["complexGateway"] = "Use an exclusive gateway (one path) or a parallel gateway (all paths).",
        ["intermediateThrowEvent"] = "Throw events are not supported yet; use a service task to notify people.",
    };

    private readonly Dictionary<string, BoundaryEventNode> _boundaries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allIds = new(StringComparer.Ordinal);

    public (Dictionary<string, FlowNode> Nodes, Dictionary<string, SequenceFlow> Flows) Read(XElement process, string processId)
    {
        ReadThrowDefinitions(process);
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var flowElements = new List<XElement>();
        ReadElements(process, processId, null, nodes, flowElements);
        AttachBoundaries(nodes);
        var flows = ReadFlows(flowElements, nodes);
        return (nodes, flows);
    }

    /// <summary>Reads the flow elements of the process or of an embedded sub-process (<paramref name="parent"/>) into the one flat node table.</summary>
    private void ReadElements(XElement container, string containerId, SubProcessNode? parent, Dictionary<string, FlowNode> nodes, List<XElement> flowElements)
    {
        foreach (var element in container.Elements().Where(e => e.Name.Namespace == BpmnNames.Bpmn))
        {
            var local = element.Name.LocalName;
            // A sub-process's own incoming/outgoing/loop children are not flow elements (loops are reported by ReadSubProcess).
            if (Ignored.Contains(local) || (parent is not null
                && (CommonChildren.Contains(local) || local is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics")))
            {
                continue;
            }

            var id = BpmnNames.Id(element);
            if (string.IsNullOrWhiteSpace(id))
            {
                Error(containerId, $"A {Friendly(local)} in '{containerId}' has no id; every element needs one.", $"'{containerId}' 中有一个{FriendlyZh(local)}没有 id；每个元素都必须有 id。");
                continue;
            }

            _allIds.Add(id);
            CheckCaseFlowAttributes(element, id);
            var node = local switch
            {
                "sequenceFlow" => AddFlow(element, flowElements),
                "startEvent" => ReadStart(element, id),
                "endEvent" => ReadEnd(element, id),
                "userTask" or "manualTask" => ReadUserTask(element, id),
                "task" => ReadTask(element, id),
                "serviceTask" => ReadServiceTask(element, id),
                "exclusiveGateway" => ReadGateway(element, id, new ExclusiveGatewayNode(id, Name(element), (string?)element.Attribute("default"))),
                "parallelGateway" => ReadGateway(element, id, new FlowNode(id, Name(element), NodeKind.ParallelGateway, local)),
                "inclusiveGateway" => ReadGateway(element, id, new InclusiveGatewayNode(id, Name(element), (string?)element.Attribute("default"))),
                "eventBasedGateway" => ReadEventGateway(element, id),
                "subProcess" => ReadSubProcess(element, id, nodes, flowElements),
                "callActivity" => ReadCallActivity(element, id),
                "intermediateCatchEvent" => ReadCatch(element, id),
                "boundaryEvent" => ReadBoundary(element, id),
                _ => Unsupported(id, local),
            };
            if (node is not null && nodes.TryAdd(id, node))
            {
                node.ParentId = parent?.Id;
                parent?.ChildIds.Add(id);
            }
        }
    }

    private static FlowNode? AddFlow(XElement element, List<XElement> flowElements)
    {
        flowElements.Add(element);
        return null;
    }

    /// <summary>Reports the element and keeps a placeholder, so flows through it do not cause a cascade of follow-up errors.</summary>
    private FlowNode Unsupported(string id, string local)
    {
        var hint = Hints.TryGetValue(local, out var h) ? " " + h : " Remove it or replace it with a supported element.";
        var hintZh = HintsZh.TryGetValue(local, out var hz) ? hz : "请删除它，或换成受支持的元素。";
        Error(id, $"Element type '{local}' is not supported by CaseFlow.{hint}", $"CaseFlow 不支持元素类型“{local}”。{hintZh}");
        return new FlowNode(id, null, NodeKind.Unsupported, local);
    }

    private FlowNode? ReadGateway(XElement element, string id, FlowNode node)
    {
        CheckChildren(element, id);
        return node;
    }

    /// <summary>Refuses BPMN children that would change behaviour (loops, data associations, ...) instead of ignoring them.</summary>
    private void CheckChildren(XElement element, string id, params string[] allowed)
    {
        foreach (var child in element.Elements().Where(c => c.Name.Namespace == BpmnNames.Bpmn))
        {
            var local = child.Name.LocalName;
            if (CommonChildren.Contains(local) || allowed.Contains(local, StringComparer.Ordinal))
            {
                continue;
            }

            if (local == "multiInstanceLoopCharacteristics")
            {
                Error(id, $"{Describe(element)} is multi-instance, which CaseFlow runs on user tasks and manual tasks only. Make it a user task with the same multi-instance settings (one task per person), or draw the repetition with a gateway.",
                    $"{DescribeZh(element)}是多实例的，CaseFlow 只支持多实例的用户任务和手工任务。请改为带相同多实例设置的用户任务（每人一个任务），或用网关画出重复。");
                continue;
            }

            if (local == "standardLoopCharacteristics")
            {
                Error(id, $"{Describe(element)} repeats while a condition holds (a standard loop), which CaseFlow does not support. Draw the loop with an exclusive gateway that leads back to it, or use a multi-instance user task.",
                    $"{DescribeZh(element)}在条件成立时重复执行（标准循环），CaseFlow 不支持。请用指回该步骤的排他网关画出循环，或使用多实例用户任务。");
                continue;
            }

            Error(id, $"{Describe(element)} contains '{local}', which CaseFlow does not support. Remove it.",
                $"{DescribeZh(element)}包含 CaseFlow 不支持的“{local}”，请删除。");
        }

        foreach (var extension in element.Elements(BpmnNames.Bpmn + "extensionElements").Elements()
            .Where(e => e.Name.Namespace == BpmnNames.CaseFlow && !IsKnownExtension(element, e)))
        {
            Error(id, $"{Describe(element)} contains the CaseFlow extension '{extension.Name.LocalName}', which is not known there. Check the spelling or remove it.",
                $"{DescribeZh(element)}包含此处未知的 CaseFlow 扩展“{extension.Name.LocalName}”。请检查拼写或删除。");
        }
    }

    /// <summary>Catches misspelt <c>caseflow:</c> attributes, which would otherwise be silently ignored.</summary>
    private void CheckCaseFlowAttributes(XElement element, string id)
    {
        string[] known = element.Name.LocalName switch
        {
            "userTask" or "manualTask" => ["candidateGroups", "assignee", "outcomes", "dueIn", "requiredVariables", "deadlineRule"],
            "serviceTask" => ["activity", "retries", "retryBackoff"],
            "intermediateCatchEvent" or "boundaryEvent" => ["correlationKey"],
            "callActivity" => ["version"],
            _ => [],
        };
        foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == BpmnNames.CaseFlow))
        {
            if (!known.Contains(attribute.Name.LocalName, StringComparer.Ordinal))
            {
                var knownList = string.Join(", ", known.Select(k => "caseflow:" + k));
                Error(id, known.Length == 0
                    ? $"{Describe(element)} has the attribute caseflow:{attribute.Name.LocalName}, but CaseFlow knows no attributes on this element. Remove it."
                    : $"{Describe(element)} has the attribute caseflow:{attribute.Name.LocalName}, which CaseFlow does not know. Known attributes: {knownList}.",
                    known.Length == 0
                    ? $"{DescribeZh(element)}带有属性 caseflow:{attribute.Name.LocalName}，但此元素没有任何 CaseFlow 属性，请删除。"
                    : $"{DescribeZh(element)}带有未知属性 caseflow:{attribute.Name.LocalName}。已知属性：{knownList}。");
            }
        }
    }

    /// <summary>Reads a literal or a whole-value <c>${...}</c> expression.</summary>
    private ValueTemplate? Template(string? text, XElement element, string id, string what)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (TryUnwrap(trimmed, out var inner))
        {
            return Compile(inner, id, $"The {what} of {Describe(element)} has an invalid expression.", $"{DescribeZh(element)}的{WhatZh(what)}表达式无效。") is { } expression
                ? new ValueTemplate(null, expression)
                : null;
        }

        if (trimmed.Contains("${", StringComparison.Ordinal))
        {
            Error(id, $"The {what} of {Describe(element)} mixes text with an expression. Write the whole value as one expression, for example ${{'office-' + officeId}}.",
                $"{DescribeZh(element)}的{WhatZh(what)}把文字和表达式混在一起。请把整个值写成一个表达式，例如 ${{'office-' + officeId}}。");
            return null;
        }

        return new ValueTemplate(trimmed, null);
    }

    private CompiledExpression? Compile(string source, string id, string context, string? contextZh = null)
    {
        if (expressions.TryCompile(source, out var expression, out var error))
        {
            return expression;
        }

        Error(id, $"{context} {error}", $"{contextZh ?? $"元素“{id}”的表达式无效。"}{error}");
        return null;
    }

    private static bool TryUnwrap(string text, out string inner)
    {
        var wrapped = text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}');
        inner = wrapped ? text[2..^1].Trim() : text;
        return wrapped;
    }

    /// <summary>Records a problem in English and Chinese.</summary>
    /// <remarks>A message without a translation still gets a Chinese sentence naming the element, so the modeler never shows an empty line.</remarks>
    private void Error(string elementId, string message, string? messageZh = null) =>
        errors.Add(new ValidationError(elementId, message) { MessageZh = messageZh ?? $"元素“{elementId}”有误（说明见英文）：{message}" });

    private static string? Name(XElement element) => (string?)element.Attribute("name") is { Length: > 0 } name ? name.Trim() : null;

    private static string Describe(XElement element)
    {
        var kind = Friendly(element.Name.LocalName);
        var label = Name(element) is { } name ? $"'{name}' ({BpmnNames.Id(element)})" : $"'{BpmnNames.Id(element)}'";
        return $"{char.ToUpperInvariant(kind[0])}{kind[1..]} {label}";
    }

    private static string Friendly(string local) => local switch
    {
        "startEvent" => "start event",
        "endEvent" => "end event",
        "userTask" => "user task",
        "manualTask" => "manual task",
        "serviceTask" => "service task",
        "exclusiveGateway" => "exclusive gateway",
        "parallelGateway" => "parallel gateway",
        "intermediateCatchEvent" => "intermediate catch event",
        "boundaryEvent" => "boundary event",
        "sequenceFlow" => "sequence flow",
        "inclusiveGateway" => "inclusive gateway",
        "eventBasedGateway" => "event-based gateway",
        "subProcess" => "sub-process",
        "callActivity" => "call activity",
        _ => local,
    };
}
