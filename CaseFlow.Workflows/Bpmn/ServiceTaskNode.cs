namespace CaseFlow.Workflows.Bpmn;

/// <summary>An automatic step bound to a CaseFlow activity, with its declared inputs.</summary>
internal sealed class ServiceTaskNode(string id, string? name, string activityName, IReadOnlyDictionary<string, ValueTemplate> inputs)
    : FlowNode(id, name, NodeKind.ServiceTask, "serviceTask")
{
    public string ActivityName { get; } = activityName;

    public IReadOnlyDictionary<string, ValueTemplate> Inputs { get; } = inputs;
}
