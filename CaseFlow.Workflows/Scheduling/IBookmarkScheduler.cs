using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Workflows.Scheduling;

/// <summary>
/// Turns committed timer bookmarks into scheduler triggers (Quartz in the server).
/// </summary>
/// <remarks>
/// Called only after the transaction that created or removed the bookmarks has committed. It may fail or
/// never run (a crash right after commit): the bookmark row stays the truth, and a reconciler schedules any
/// open timer bookmark that has no trigger. Implementations must be idempotent: scheduling an already
/// scheduled bookmark, or unscheduling a missing one, is not an error.
/// </remarks>
public interface IBookmarkScheduler
{
    /// <summary>Schedules one durable trigger per timer bookmark, keyed by the bookmark id.</summary>
    Task ScheduleAsync(Guid instanceId, IReadOnlyList<Bookmark> timers, CancellationToken cancellationToken);

    /// <summary>Removes the triggers of bookmarks that were consumed or withdrawn.</summary>
    Task UnscheduleAsync(IReadOnlyList<Guid> bookmarkIds, CancellationToken cancellationToken);
}
