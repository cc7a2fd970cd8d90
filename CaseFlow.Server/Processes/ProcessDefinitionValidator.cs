using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Server.Processes;

/// <summary>Validates a BPMN document for a process key: the engine's checks plus "the process id is the key".</summary>
public sealed class ProcessDefinitionValidator(IBpmnParser parser)
{
    public IReadOnlyList<ValidationError> Validate(string key, string xml) => Validate(key, parser.Parse(xml));

    /// <summary>Also checks that called processes are published (<paramref name="published"/>: latest version per key).</summary>
    public IReadOnlyList<ValidationError> Validate(string key, string xml, IReadOnlyDictionary<string, int> published) =>
        Validate(key, parser.Parse(xml), published);

    /// <summary>The engine's checks, the key check, and the called-process check against <paramref name="published"/>.</summary>
    public static IReadOnlyList<ValidationError> Validate(string key, BpmnParseResult result, IReadOnlyDictionary<string, int> published)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = Validate(key, result);
        return result.Graph is { } graph ? [.. errors, .. CalledProcessCheck.Check(key, graph, published)] : errors;
    }

    public static IReadOnlyList<ValidationError> Validate(string key, BpmnParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors.ToList();
        if (result.Graph is { } graph && graph.ProcessId != key)
        {
            errors.Add(new ValidationError(graph.ProcessId, $"The process id '{graph.ProcessId}' must equal the key '{key}' it is saved under; rename one of them.")
            {
                MessageZh = $"流程 id“{graph.ProcessId}”必须与保存时使用的流程键“{key}”一致，请修改其中之一。",
            });
        }

        if (result.Graph is null && errors.Count == 0)
        {
            errors.Add(new ValidationError("definitions", "The document contains no executable process; add a bpmn:process with isExecutable=\"true\".")
            {
                MessageZh = "文档中没有可执行的流程，请添加 isExecutable=\"true\" 的 bpmn:process。",
            });
        }

        return errors;
    }
}
