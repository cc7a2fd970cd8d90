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
            return new BpmnParseResult(null, errors);
        }

        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            errors.Add(new(BpmnNames.Definitions,
                $"The document is not BPMN 2.0: its root element is '{root.Name.LocalName}', but it must be 'definitions' in namespace {BpmnNames.Bpmn.NamespaceName}.")
            {
                MessageZh = $"该文档不是 BPMN 2.0：根元素是“{root.Name.LocalName}”，应为命名空间 {BpmnNames.Bpmn.NamespaceName} 中的“definitions”。",
            });
            return new BpmnParseResult(null, errors);
        }

        var process = SelectProcess(root, errors);
        if (process is null)
        {
            return new BpmnParseResult(null, errors);
        }

        CheckUniqueIds(root, errors);
        var messages = root.Elements(BpmnNames.Bpmn + "message")
            .Where(m => BpmnNames.Id(m) is not null)
            .GroupBy(m => BpmnNames.Id(m)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (string?)g.First().Attribute("name") ?? g.Key, StringComparer.Ordinal);

        var reader = new ProcessReader(activities, expressions, messages, errors);
        var (nodes, flows) = reader.Read(process);
        var processId = BpmnNames.Id(process) ?? BpmnNames.Definitions;
        GraphValidator.Validate(processId, nodes, flows, errors);

        var graph = new ProcessGraph
        {
            ProcessId = processId,
            Name = (string?)process.Attribute("name"),
            MessageStartNames = [.. nodes.Values.OfType<StartEventNode>().Where(s => s.ParentId is null).Select(s => s.MessageName).OfType<string>()],
            Nodes = nodes,
            Flows = flows,
        };
        return new BpmnParseResult(graph, errors);
    }

    private XDocument? Load(string xml, List<ValidationError> errors)
    {
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
            IgnoreProcessingInstructions = true,
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

    private static XElement? SelectProcess(XElement root, List<ValidationError> errors)
    {
        var processes = root.Elements(BpmnNames.Bpmn + "process").ToList();
        var executable = processes
            .Where(p => !string.Equals((string?)p.Attribute("isExecutable"), "false", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (executable.Count == 1)
        {
            if (string.IsNullOrWhiteSpace(BpmnNames.Id(executable[0])))
            {
                errors.Add(new(BpmnNames.Definitions, "The process has no id. The id is the process key; give the process an id.") { MessageZh = "流程没有 id。id 即流程键，请为流程设置 id。" });
                return null;
            }

            return executable[0];
        }

        errors.Add(new(BpmnNames.Definitions, executable.Count == 0
            ? "The document contains no executable process. Add a process (or mark one isExecutable=\"true\")."
            : $"The document contains {executable.Count} executable processes, but CaseFlow runs exactly one per file. Mark the others isExecutable=\"false\" or move them to their own files.")
        {
            MessageZh = executable.Count == 0
                ? "文档中没有可执行的流程。请添加流程（或将其标记为 isExecutable=\"true\"）。"
                : $"文档包含 {executable.Count} 个可执行流程，但 CaseFlow 每个文件只运行一个。请把其他流程标记为 isExecutable=\"false\" 或移到单独的文件。",
        });
        return null;
    }

    private static void CheckUniqueIds(XElement root, List<ValidationError> errors)
    {
        var duplicates = root.DescendantsAndSelf()
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
