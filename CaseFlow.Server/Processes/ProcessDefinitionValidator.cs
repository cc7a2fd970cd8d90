using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Server.Processes;

/// <summary>Validates a BPMN document for a process key: the engine's checks plus the called-process check.</summary>
/// <remarks>
/// The key is the legal officer's name for the process and is independent of the <c>bpmn:process</c> id inside the
/// file: tools generate ids such as <c>Process_1mgwbq0</c>, and two files with the same generated id must not
/// overwrite each other's drafts.
/// </remarks>
public sealed class ProcessDefinitionValidator(IBpmnParser parser)
{
    public IReadOnlyList<ValidationError> Validate(string key, string xml) => Validate(key, parser.Parse(xml));

    /// <summary>Also checks that called processes are published (<paramref name="published"/>: latest version per key).</summary>
    public IReadOnlyList<ValidationError> Validate(string key, string xml, IReadOnlyDictionary<string, int> published) =>
        Validate(key, parser.Parse(xml), published);

    /// <summary>The parse (with its warnings and the chosen process) and every error, the called-process check included.</summary>
    public (BpmnParseResult Result, IReadOnlyList<ValidationError> Errors) Check(string key, string xml, IReadOnlyDictionary<string, int> published)
    {
        var result = parser.Parse(xml);
        return (result, Validate(key, result, published));
    }

    /// <summary>The engine's checks and the called-process check against <paramref name="published"/>.</summary>
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
