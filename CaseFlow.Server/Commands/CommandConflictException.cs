namespace CaseFlow.Server.Commands;

/// <summary>The command lost every optimistic-concurrency retry; the client may retry it.</summary>
public sealed class CommandConflictException : Exception
{
    public CommandConflictException()
    {
    }

    public CommandConflictException(string message) : base(message)
    {
    }

    public CommandConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
