namespace CaseFlow.Workflows.Letters;

/// <summary>A template's braces do not pair up, or a merge field has an invalid name.</summary>
public sealed class MergeTemplateException : Exception
{
    public MergeTemplateException()
        : base("The template is invalid.")
    {
    }

    public MergeTemplateException(string message)
        : base(message)
    {
    }

    public MergeTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
