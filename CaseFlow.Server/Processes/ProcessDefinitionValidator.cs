using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Server.Processes;

/// <summary>Validates a BPMN document for a process key: the engine's checks plus "the process id is the key".</summary>
public sealed class ProcessDefinitionValidator(IBpmnParser parser)
{
    public IReadOnlyList<ValidationError> Validate(string key, string xml) => Validate(key, parser.Parse(xml));

    public static IReadOnlyList<ValidationError> Validate(string key, BpmnParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Errors.ToList();
        if (result.Graph is { } graph && graph.ProcessId != key)
        {
            errors.Add(new ValidationError(graph.ProcessId, $"The process id '{graph.ProcessId}' must equal the key '{key}' it is saved under. 流程 id 必须与流程键一致。"));
        }

        if (result.Graph is null && errors.Count == 0)
        {
            errors.Add(new ValidationError("definitions", "The document contains no executable process."));
        }

        return errors;
    }
}
