using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Commands;

/// <summary>Joins two engine results of one instance produced in one unit of work, so they are written once.</summary>
internal static class ExecutionResults
{
    /// <summary>
    /// <paramref name="later"/> continued the instance of <paramref name="earlier"/> (e.g. a child completed at once).
    /// A bookmark created by the first and withdrawn by the second never reaches the database or the scheduler.
    /// </summary>
    public static ExecutionResult Combine(ExecutionResult earlier, ExecutionResult later)
    {
        var created = earlier.CreatedBookmarks.Select(b => b.Id).ToHashSet();
        var removedLater = later.RemovedBookmarkIds.ToHashSet();
        return new ExecutionResult(
            later.Instance,
            [.. earlier.CreatedBookmarks.Where(b => !removedLater.Contains(b.Id)), .. later.CreatedBookmarks],
            [.. earlier.RemovedBookmarkIds, .. later.RemovedBookmarkIds.Where(id => !created.Contains(id))],
            [.. earlier.History, .. later.History],
            [.. earlier.Effects, .. later.Effects]);
    }
}
