namespace CaseFlow.Workflows.Runtime;

/// <summary>An operator's modification names something the instance or its process does not have (an unknown element, a non-activity target).</summary>
/// <remarks>
/// <see cref="Field"/> names the request field at fault (e.g. <c>toElementId</c>), so the API can answer 400 with a
/// field error without knowing the engine's rules.
/// </remarks>
public sealed class InvalidModificationException : Exception
{
    public InvalidModificationException()
    {
    }

    public InvalidModificationException(string message) : base(message)
    {
    }

    public InvalidModificationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InvalidModificationException(string field, string message) : base(message)
    {
        Field = field;
    }

    /// <summary>The request field at fault.</summary>
    public string? Field { get; }
}
