namespace CaseFlow.Workflows.Runtime;

/// <summary>An operation does not fit the instance's state, e.g. retrying an incident on an instance that has none.</summary>
/// <remarks>Separate from <see cref="InstanceNotRunningException"/> because the API answers it with the engine's own message (409).</remarks>
public sealed class InstanceStateException : InvalidOperationException
{
    public InstanceStateException()
    {
    }

    public InstanceStateException(string message) : base(message)
    {
    }

    public InstanceStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
