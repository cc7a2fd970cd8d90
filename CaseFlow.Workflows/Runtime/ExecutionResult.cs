namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// What one engine command did: the new instance state plus everything the server must save with it in the
/// same transaction.
/// </summary>
/// <param name="Instance">The instance after the command (same object, mutated).</param>
/// <param name="CreatedBookmarks">Bookmarks created by this command (to insert; timers to schedule after commit).</param>
/// <param name="RemovedBookmarkIds">Bookmarks consumed or withdrawn by this command (to delete; tasks to close).</param>
/// <param name="History">History lines produced by this command, in order.</param>
/// <param name="Effects">Side effects requested by activities, in order.</param>
public sealed record ExecutionResult(
    WorkflowInstanceState Instance,
    IReadOnlyList<Bookmark> CreatedBookmarks,
    IReadOnlyList<Guid> RemovedBookmarkIds,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<WorkflowEffect> Effects);
