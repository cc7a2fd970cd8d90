namespace CaseFlow.Workflows.Runtime;

/// <summary>What a waiting token waits for.</summary>
public enum BookmarkKind
{
    UserTask,
    Timer,
    Message,
}
