namespace CaseFlow.Workflows.Runtime;

/// <summary>Lifecycle of a workflow instance, as reported by the API (lower-case in JSON).</summary>
public enum InstanceStatus
{
    Running,
    Completed,
    Cancelled,
    /// <summary>An incident stopped the instance (expression error, sandbox limit); an operator must act.</summary>
    Faulted,
}
