using CaseFlow.Server.Commands;
using CaseFlow.Server.Persistence;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Scheduling;

/// <summary>Starts the instance of one timer-start occurrence and advances the schedule in the same transaction.</summary>
/// <remarks>
/// The row's <c>NextDueAt</c> must still be the occurrence the trigger was for, and the save checks the row's
/// concurrency version: a duplicate firing (Quartz recovery, two nodes, a retry after the commit) or a publication
/// that replaced the row meanwhile makes the whole start roll back. Exactly one instance per occurrence.
/// </remarks>
public sealed class TimerStartFiring(
    CaseFlowDbContext db,
    WorkflowCommandRunner runner,
    IProcessGraphCache graphs,
    IBusinessCalendar calendar,
    TimerStartScheduler scheduler,
    TimeProvider clock,
    ILogger<TimerStartFiring> logger)
{
    /// <summary>Fires the occurrence due at <paramref name="dueAt"/>; false, starting nothing, when it already fired or the timer was replaced.</summary>
    public async Task<bool> FireAsync(Guid timerStartId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var row = await db.TimerStarts.SingleOrDefaultAsync(t => t.Id == timerStartId, cancellationToken);
        if (row is null || row.NextDueAt != dueAt)
        {
            logger.LogInformation("Timer start {TimerStartId} occurrence {DueAt} already fired or was replaced; nothing to do", timerStartId, dueAt);
            return false;
        }

        var version = await db.ProcessVersions.AsNoTracking()
            .SingleAsync(p => p.ProcessKey == row.ProcessKey && p.Version == row.ProcessVersion, cancellationToken);
        var timer = graphs.GetOrParse(version.ProcessKey, version.Version, () => version.Xml).TimerStarts.Single(t => t.ElementId == row.ElementId);
        var now = clock.GetUtcNow();
        var next = row.RemainingOccurrences is 1 ? null : timer.NextDue(row.NextDueAt, now, calendar);
        var instanceId = Guid.CreateVersion7(now);
        try
        {
            await runner.StartAsync(
                version,
                new StartInstanceRequest(instanceId, null, [], StartEventId: row.ElementId),
                null,
                _ =>
                {
                    if (next is { } due)
                    {
                        row.NextDueAt = due;
                        row.RemainingOccurrences -= 1;
                        row.FiredCount++;
                        row.ConcurrencyVersion++;
                    }
                    else
                    {
                        db.TimerStarts.Remove(row);
                    }

                    return Task.CompletedTask;
                },
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Timer start {TimerStartId} occurrence {DueAt} was fired or replaced concurrently; this firing started nothing", timerStartId, dueAt);
            return false;
        }

        logger.LogInformation("Timer start {ElementId} of {ProcessKey} v{Version} started instance {InstanceId}", row.ElementId, row.ProcessKey, row.ProcessVersion, instanceId);
        if (next is not null)
        {
            try
            {
                await scheduler.ScheduleAsync(row, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Scheduling the next occurrence of timer start {TimerStartId} failed; the reconciler will retry", timerStartId);
            }
        }

        return true;
    }
}
