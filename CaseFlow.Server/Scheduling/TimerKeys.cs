using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>The Quartz names timer bookmarks are stored under; fixed because they are persisted in the job store.</summary>
internal static class TimerKeys
{
    public const string TriggerGroup = "caseflow-timers";

    public const string InstanceIdKey = "instanceId";

    public const string BookmarkIdKey = "bookmarkId";

    /// <summary>The one durable job every timer trigger fires.</summary>
    public static readonly JobKey ResumeTimerJob = new("resume-timer", "caseflow");

    public static TriggerKey ForBookmark(Guid bookmarkId) => new(bookmarkId.ToString("D"), TriggerGroup);
}
