namespace CaseFlow.Workflows.Activities;

/// <summary>An evaluated input value does not fit the activity's input type (e.g. an unknown case status).</summary>
public sealed class ActivityInputException : Exception
{
    public ActivityInputException()
    {
    }

    public ActivityInputException(string message) : base(message)
    {
    }

    public ActivityInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
