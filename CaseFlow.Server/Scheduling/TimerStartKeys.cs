using System.Globalization;
using Quartz;

namespace CaseFlow.Server.Scheduling;

/// <summary>The Quartz names timer starts are stored under; fixed because they are persisted in the job store.</summary>
internal static class TimerStartKeys
{
    public const string TriggerGroup = "caseflow-timer-starts";

    public const string TimerStartIdKey = "timerStartId";

    /// <summary>The occurrence the trigger is for (UTC ticks); a firing for any other occurrence does nothing.</summary>
    public const string DueAtKey = "dueAt";

    /// <summary>The one durable job every timer-start trigger fires.</summary>
    public static readonly JobKey StartInstanceJob = new("start-timer-instance", "caseflow");

    /// <summary>One trigger per occurrence (row id and how many it fired), so the next one is never scheduled over the one firing.</summary>
    public static TriggerKey For(Guid timerStartId, int firedCount) =>
        new($"{timerStartId:D}/{firedCount.ToString(CultureInfo.InvariantCulture)}", TriggerGroup);
}
