namespace CaseFlow.Server.Commands;

/// <summary>The instance a command targets does not exist.</summary>
public sealed class InstanceNotFoundException : Exception
{
    public InstanceNotFoundException()
    {
    }

    public InstanceNotFoundException(string message) : base(message)
    {
    }

    public InstanceNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
