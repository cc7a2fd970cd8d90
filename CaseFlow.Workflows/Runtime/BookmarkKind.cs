namespace CaseFlow.Workflows.Runtime;

/// <summary>What a waiting token waits for.</summary>
public enum BookmarkKind
{
    UserTask,
    Timer,
    Message,

    /// <summary>A call activity waiting for its child instance to complete (stored by name, so appending keeps old rows readable).</summary>
    CallActivity,
}
