using System.Xml.Linq;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Notes, one per kind, on what the file shows but the engine does not run: data, I/O specifications, categories, vendor extensions.</summary>
/// <remarks>
/// A diagram that shows the complaint letter as a data object is a good diagram. These elements stay in the file
/// byte for byte and in the Designer; the engine keeps process data in variables and ignores them. The legal
/// officer gets one informational note per kind (not per element, so a large export stays readable).
/// </remarks>
internal static class DocumentaryElements
{
    private static readonly (string Local, string What, string WhatZh)[] Kinds =
    [
        ("dataObject", "data objects", "数据对象"),
        ("dataObjectReference", "data object references", "数据对象引用"),
        ("dataStoreReference", "data store references", "数据存储引用"),
        ("dataInputAssociation", "data input associations", "数据输入关联"),
        ("dataOutputAssociation", "data output associations", "数据输出关联"),
        ("ioSpecification", "input/output specifications (ioSpecification)", "输入输出规范（ioSpecification）"),
        ("property", "properties (bpmn:property)", "属性（bpmn:property）"),
        ("categoryValueRef", "category references (groups)", "类别引用（分组）"),
    ];

    public static void Note(XElement root, XElement process, List<ValidationError> findings)
    {
        var inProcess = BpmnNames.StandardElements(process).ToList();
        foreach (var (local, what, whatZh) in Kinds)
        {
            var found = inProcess.Where(e => e.Name == BpmnNames.Bpmn + local).ToList();
            if (found.Count > 0)
            {
                Add(findings, found, $"{found.Count} {what}", $"{found.Count} 个{whatZh}");
            }
        }

        var rootKinds = root.Elements().Where(e => e.Name.LocalName is "dataStore" or "category" or "itemDefinition" or "resource" or "interface" && e.Name.Namespace == BpmnNames.Bpmn).ToList();
        if (rootKinds.Count > 0)
        {
            var names = string.Join(", ", rootKinds.Select(e => e.Name.LocalName).Distinct(StringComparer.Ordinal));
            Add(findings, rootKinds, $"{rootKinds.Count} definitions ({names})", $"{rootKinds.Count} 个定义（{names}）");
        }

        var vendor = root.Descendants(BpmnNames.Bpmn + "extensionElements").Elements().Where(e => e.Name.Namespace != BpmnNames.CaseFlow).ToList();
        var vendorAttributes = root.DescendantsAndSelf().Attributes()
            .Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.None && a.Name.Namespace != BpmnNames.CaseFlow && a.Name.Namespace != BpmnNames.Xsi && a.Name.Namespace != XNamespace.Xml)
            .Select(a => a.Name.Namespace.NamespaceName)
            .Concat(vendor.Select(e => e.Name.Namespace.NamespaceName))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (vendorAttributes.Count > 0)
        {
            var list = string.Join(", ", vendorAttributes.Take(5)) + (vendorAttributes.Count > 5 ? ", ..." : "");
            findings.Add(new(BpmnNames.Definitions, $"The file carries other tools' extensions ({list}). CaseFlow keeps them in the file but does not read them; what the engine needs is in the caseflow: namespace (urn:caseflow:bpmn:1).")
            {
                MessageZh = $"文件包含其他工具的扩展（{list}）。CaseFlow 在文件中保留它们，但不读取；引擎需要的设置在 caseflow: 命名空间（urn:caseflow:bpmn:1）中。",
                Severity = ValidationSeverity.Info,
            });
        }
    }

    private static void Add(List<ValidationError> findings, List<XElement> elements, string count, string countZh)
    {
        var ids = elements.Select(BpmnNames.Id).OfType<string>().ToList();
        var sample = ids.Count == 0 ? "" : $" ({string.Join(", ", ids.Take(3))}{(ids.Count > 3 ? ", ..." : "")})";
        findings.Add(new(ids.FirstOrDefault() ?? BpmnNames.Definitions,
            $"{count}{sample} are kept in the diagram but not run: CaseFlow keeps process data in variables, so they do not change what the process does.")
        {
            MessageZh = $"{countZh}{sample}保留在图中但不运行：CaseFlow 的流程数据保存在变量中，它们不影响流程的执行。",
            Severity = ValidationSeverity.Info,
        });
    }
}
