using System.Xml;
using System.Xml.Linq;
using CaseFlow.Workflows.Activities;
using CaseFlow.Workflows.Expressions;
using CaseFlow.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads BPMN 2.0 XML safely and turns CaseFlow's subset into a <see cref="ProcessGraph"/>.</summary>
/// <remarks>
/// Uploads come from users, so the reader refuses DTDs (no entity expansion, no external entities, nothing
/// read from disk or network) and caps size, element count and depth before anything else looks at the file.
/// Every problem is collected so a legal officer sees all of them in one round.
/// </remarks>
public sealed class BpmnParser(IActivityRegistry activities, IExpressionEvaluator expressions, IOptions<WorkflowEngineOptions> options)
    : IBpmnParser
{
    private readonly WorkflowEngineOptions _options = options.Value;

    /// <inheritdoc />
    public BpmnParseResult Parse(string xml)
    {
        var errors = new List<ValidationError>();
        var document = Load(xml, errors);
        if (document is null)
        {
            return Result(null, errors);
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            errors.Add(new(BpmnNames.Definitions,
                $"The document is not BPMN 2.0: its root element is '{root.Name.LocalName}', but it must be 'definitions' in namespace {BpmnNames.Bpmn.NamespaceName}.")
            {
                MessageZh = $"该文档不是 BPMN 2.0：根元素是“{root.Name.LocalName}”，应为命名空间 {BpmnNames.Bpmn.NamespaceName} 中的“definitions”。",
            });
            return Result(null, errors);
        }

        var process = ProcessSelector.Select(document, errors);
        if (process is null)
        {
            return Result(null, errors);
        }

        CheckUniqueIds(root, errors);
        var messages = root.Elements(BpmnNames.Bpmn + "message")
            .Where(m => BpmnNames.Id(m) is not null)
            .GroupBy(m => BpmnNames.Id(m)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("name") ?? g.Key, StringComparer.Ordinal);

        // BPMN makes the id optional on a process; a process without one is still run (the key names it in CaseFlow).
        var processId = string.IsNullOrWhiteSpace(BpmnNames.Id(process)) ? "process" : BpmnNames.Id(process)!.Trim();
        var reader = new ProcessReader(activities, expressions, messages, errors);
        var (nodes, flows) = reader.Read(process, processId);
        GraphValidator.Validate(processId, nodes, flows, errors);
        FormFlowCheck.Check(nodes, flows, errors);
        DocumentaryElements.Note(root, process, errors);

        var graph = new ProcessGraph
        {
            ProcessId = processId,
            Name = (string?)process.Attribute("name"),
            MessageStartNames = [.. nodes.Values.OfType<StartEventNode>().Where(s => s.ParentId is null).Select(s => s.MessageName).OfType<string>()],
            Nodes = nodes,
            Flows = flows,
        };
        return Result(graph, errors);
    }

    /// <summary>Splits the findings: errors stop publishing; warnings and notes travel beside them.</summary>
    private static BpmnParseResult Result(ProcessGraph? graph, List<ValidationError> findings) =>
        new(graph, [.. findings.Where(f => f.Severity == ValidationSeverity.Error)])
        {
            Warnings = [.. findings.Where(f => f.Severity != ValidationSeverity.Error)],
        };

    private XDocument? Load(string xml, List<ValidationError> errors)
    {
        // A byte-order mark decoded as text (an upload read without BpmnBytes) is not part of the document.
        xml = xml.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(xml))
        {
            errors.Add(new(BpmnNames.Definitions, "The document is empty.") { MessageZh = "文档为空。" });
            return null;
        }

        if (xml.Length > _options.MaxDocumentCharacters)
        {
            errors.Add(new(BpmnNames.Definitions, $"The document is too large: at most {_options.MaxDocumentCharacters} characters are accepted.")
            {
                MessageZh = $"文档过大：最多接受 {_options.MaxDocumentCharacters} 个字符。",
            });
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = _options.MaxDocumentCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = false,
        };

        try
        {
            // First pass: count and measure while streaming, so a hostile document is refused before a tree is built.
            using (var reader = XmlReader.Create(new StringReader(xml), settings))
            {
                var elements = 0;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (++elements > _options.MaxElements)
                    {
                        errors.Add(new(BpmnNames.Definitions, $"The document has too many elements: at most {_options.MaxElements} are accepted.")
                        {
                            MessageZh = $"文档元素过多：最多接受 {_options.MaxElements} 个。",
                        });
                        return null;
                    }

                    if (reader.Depth >= _options.MaxDepth)
                    {
                        errors.Add(new(BpmnNames.Definitions, $"The document is nested too deeply: at most {_options.MaxDepth} levels are accepted.")
                        {
                            MessageZh = $"文档嵌套过深：最多接受 {_options.MaxDepth} 层。",
                        });
                        return null;
                    }
                }
            }

            using var treeReader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(treeReader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var dtd = xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            errors.Add(new(BpmnNames.Definitions, dtd
                ? "The document contains a DOCTYPE declaration (DTD). CaseFlow refuses DTDs and entities for security; remove the <!DOCTYPE ...> part."
                : $"The document is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}). Check that every tag is closed and special characters are escaped.")
            {
                MessageZh = dtd
                    ? "文档包含 DOCTYPE 声明（DTD）。出于安全考虑 CaseFlow 拒绝 DTD 和实体；请删除 <!DOCTYPE ...> 部分。"
                    : $"文档不是格式正确的 XML（第 {ex.LineNumber} 行，第 {ex.LinePosition} 列）。请检查每个标签是否闭合、特殊字符是否转义。",
            });
            return null;
        }
    }

    private static void CheckUniqueIds(XElement root, List<ValidationError> errors)
    {
        // Ids inside vendor extensions (Signavio metadata, Camunda properties, ...) are the vendor's business, not BPMN ids.
        var duplicates = BpmnNames.StandardElements(root)
            .Select(BpmnNames.Id)
            .OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            errors.Add(new(duplicate.Key, $"The id '{duplicate.Key}' is used by {duplicate.Count()} elements; every id must be unique.")
            {
                MessageZh = $"id“{duplicate.Key}”被 {duplicate.Count()} 个元素使用；每个 id 必须唯一。",
            });
        }
    }
}
