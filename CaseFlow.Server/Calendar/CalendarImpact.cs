using System.Globalization;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Server.Calendar;

/// <summary>
/// Which running deadlines and open timed tasks a calendar change would move, and applying that move.
/// Each is recomputed from its start and its rule (<c>7wd</c>, <c>60d</c>) on the current and on the proposed
/// calendar; only those whose computation differs are listed, so an exact duration (<c>PT5S</c>) never is.
/// </summary>
internal static class CalendarImpact
{
    /// <summary>The impact of replacing <paramref name="current"/> by <paramref name="proposed"/>; the rows stay tracked for <see cref="Apply"/>.</summary>
    public static async Task<IReadOnlyList<CalendarImpactItem>> PlanAsync(
        CaseFlowDbContext db,
        BusinessCalendar current,
        BusinessCalendar proposed,
        CancellationToken cancellationToken)
    {
        var items = new List<CalendarImpactItem>();
        var deadlines = await db.Deadlines.Where(d => d.State == DeadlineState.Running).ToListAsync(cancellationToken);

        // A deadline that was extended or suspended is not its rule applied to its start any more; recomputing it
        // from the rule would silently undo an approved extension, so such deadlines are listed for a person to review
        // (when the change would have moved their original period) and left as they are.
        var changed = await db.DeadlineChanges.Select(c => c.DeadlineId).Distinct().ToListAsync(cancellationToken);
        foreach (var deadline in deadlines.OrderBy(d => d.DueAt))
        {
            if (!changed.Contains(deadline.Id))
            {
                if (Recompute(deadline.Rule, deadline.StartedAt, deadline.DueAt, current, proposed) is { } newDue)
                {
                    items.Add(Item("deadline", deadline.Id, deadline.CaseId, deadline.TaskId, deadline.Name, deadline.Rule, deadline.DueAt, newDue, proposed));
                }
            }
            else if (Recompute(deadline.Rule, deadline.StartedAt, DateTimeOffset.MinValue, current, proposed) is not null)
            {
                items.Add(Item("deadline", deadline.Id, deadline.CaseId, deadline.TaskId, deadline.Name, deadline.Rule, deadline.DueAt, deadline.DueAt, proposed) with { NeedsReview = true });
            }
        }

        // A task with a running deadline moves with it; listing it again would show one change twice.
        var withDeadline = deadlines.Where(d => d.TaskId is not null).Select(d => d.TaskId!.Value).ToHashSet();
        var tasks = await db.Tasks.Where(t => t.State == TaskState.Open && t.DueAt != null && t.DueIn != null).ToListAsync(cancellationToken);
        foreach (var task in tasks.Where(t => !withDeadline.Contains(t.Id)).OrderBy(t => t.DueAt))
        {
            if (Recompute(task.DueIn, task.CreatedAt, task.DueAt!.Value, current, proposed) is { } newDue)
            {
                items.Add(Item("task", task.Id, task.CaseId, task.Id, task.Name, task.DueIn!, task.DueAt.Value, newDue, proposed));
            }
        }

        return items;
    }

    /// <summary>Moves the planned rows (tracked by <see cref="PlanAsync"/> on the same context) and adds a timeline entry per case; the caller saves.</summary>
    public static void Apply(CaseFlowDbContext db, IReadOnlyList<CalendarImpactItem> items, string actor, string reason, DateTimeOffset now)
    {
        foreach (var item in items.Where(i => !i.NeedsReview))
        {
            if (item.Kind == "deadline")
            {
                var task = item.TaskId is { } taskId ? db.Tasks.Local.FirstOrDefault(t => t.Id == taskId && t.State == TaskState.Open) : null;
                db.Deadlines.Local.Single(d => d.Id == item.Id).MoveDue(item.NewDueAt, task, now);
            }
            else if (item.TaskId is { } taskId && db.Tasks.Local.FirstOrDefault(t => t.Id == taskId && t.State == TaskState.Open) is { } task)
            {
                task.DueAt = item.NewDueAt;
            }

            if (item.CaseId is { } caseId)
            {
                db.CaseEvents.Add(new StoredCaseEvent
                {
                    CaseId = caseId,
                    At = now,
                    Actor = actor,
                    Event = "DeadlineRecalculated",
                    Details = $"{item.Name} ({item.Rule}): {item.OldDueDate} → {item.NewDueDate} — {reason}",
                });
            }
        }
    }

    private static DateTimeOffset? Recompute(string? rule, DateTimeOffset startedAt, DateTimeOffset storedDue, BusinessCalendar current, BusinessCalendar proposed)
    {
        if (!BusinessDuration.TryParse(rule, out var duration, out _) || duration.Unit == DurationUnit.Exact)
        {
            return null;
        }

        var before = current.ComputeDue(startedAt, duration);
        var after = proposed.ComputeDue(startedAt, duration);
        return before != after && after != storedDue ? after : null;
    }

    private static CalendarImpactItem Item(
        string kind, Guid id, Guid? caseId, Guid? taskId, string name, string rule, DateTimeOffset oldDue, DateTimeOffset newDue, BusinessCalendar calendar) =>
        new(kind, id, caseId, taskId, name, rule, oldDue, newDue, Date(calendar, oldDue), Date(calendar, newDue));

    private static string Date(BusinessCalendar calendar, DateTimeOffset instant) =>
        calendar.ToLocalDate(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
