namespace CaseFlow.Workflows.Runtime;

/// <summary>A command targeted an instance that is completed, cancelled or faulted, so it accepts no more work.</summary>
/// <remarks>A faulted instance waits for an operator; letting users push it on would hide the incident.</remarks>
public sealed class InstanceNotRunningException : InvalidOperationException
{
    public InstanceNotRunningException()
    {
    }

    public InstanceNotRunningException(string message) : base(message)
    {
    }

    public InstanceNotRunningException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
