namespace CaseFlow.Workflows.Bpmn;

/// <summary>An automatic step bound to a CaseFlow activity, with its declared inputs.</summary>
internal sealed class ServiceTaskNode(string id, string? name, string activityName, IReadOnlyDictionary<string, ValueTemplate> inputs)
    : FlowNode(id, name, NodeKind.ServiceTask, "serviceTask")
{
    public string ActivityName { get; } = activityName;

    public IReadOnlyDictionary<string, ValueTemplate> Inputs { get; } = inputs;

    /// <summary>Runs after the first failure, from <c>caseflow:retries</c>; null means the activity's own budget.</summary>
    public int? Retries { get; init; }

    /// <summary>Wait before the first retry, from <c>caseflow:retryBackoff</c>; null means the activity's own.</summary>
    public TimeSpan? RetryBackoff { get; init; }
}
