using System.Globalization;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Boundary events (BPMN 2.0 §10.5.4, §13.5.5) on any <see cref="ActivityNode"/>: their bookmarks hang on the
/// activity's token, so ending or interrupting the activity finds and withdraws them by token.
/// </summary>
internal sealed partial class ExecutionRun
{
    /// <summary>Creates the waiting bookmarks of an activity's timer and message boundary events (errors and escalations are caught when thrown).</summary>
    private void CreateBoundaries(Token token, ActivityNode activity)
    {
        foreach (var boundary in activity.Boundaries)
        {
            switch (boundary.Trigger)
            {
                case EventTrigger.Timer:
                    var timer = boundary.Timer!;
                    // A cycle on an interrupting boundary can fire only once: the first firing ends the activity.
                    int? repetitions = !timer.IsCycle ? null : boundary.CancelActivity ? 1 : timer.Repetitions;
                    AddBookmark(new Bookmark(NewId(), BookmarkKind.Timer, boundary.Id, token.Id, DueAt: DueAt(timer),
                        Cycle: timer.IsCycle ? timer.Text : null, RemainingRepetitions: repetitions));
                    Record(boundary.Id, "TimerScheduled", (boundary.CancelActivity ? "Interrupting" : "Non-interrupting") + (timer.IsCycle ? $", cycle {timer.Text}" : ""));
                    break;
                case EventTrigger.Message:
                    if (!TryCorrelationKey(boundary.CorrelationKey, boundary.Id, out var key))
                    {
                        return;
                    }

                    AddBookmark(new Bookmark(NewId(), BookmarkKind.Message, boundary.Id, token.Id, MessageName: boundary.MessageName, CorrelationKey: key));
                    Record(boundary.Id, "MessageAwaited", boundary.MessageName);
                    break;
            }
        }
    }

    /// <summary>A boundary timer or message arrived (its bookmark already consumed): interrupt the activity or run alongside it.</summary>
    private void TriggerBoundary(Bookmark bookmark, BoundaryEventNode boundary)
    {
        var token = WaitingToken(bookmark);
        if (boundary.CancelActivity)
        {
            InterruptActivity(token, $"Interrupted by {boundary.Trigger.ToString().ToLowerInvariant()} {boundary.Id}");
        }
        else if (boundary.Trigger == EventTrigger.Timer && bookmark.Cycle is not null && bookmark.RemainingRepetitions is not <= 1)
        {
            // The next firing counts from this one's due instant, not from now, so a late firing does not shift the series.
            var next = services.Calendar.ComputeDue(bookmark.DueAt ?? Now, boundary.Timer!.Duration!.Value);
            var remaining = bookmark.RemainingRepetitions - 1;
            AddBookmark(bookmark with { Id = NewId(), DueAt = next, RemainingRepetitions = remaining });
            Record(boundary.Id, "TimerScheduled",
                $"Cycle {bookmark.Cycle}: next at {next.ToString("O", CultureInfo.InvariantCulture)}" + (remaining is { } r ? $", {Count(r)} left" : ""));
        }
        else if (boundary.Trigger == EventTrigger.Message)
        {
            // A non-interrupting message boundary stays armed while the activity runs (BPMN 2.0 §10.5.4).
            AddBookmark(bookmark with { Id = NewId() });
        }

        Spawn(boundary.Id, null, token.ScopeId);
    }

    /// <summary>
    /// Ends an activity abnormally: everything inside it (for a sub-process, its whole scope), its own bookmark and
    /// its boundary bookmarks are withdrawn, and its token is removed.
    /// </summary>
    private void InterruptActivity(Token token, string reason)
    {
        if (instance.Scopes.FirstOrDefault(s => s.TokenId == token.Id) is { } scope)
        {
            ClearScope(scope.Id);
            RemoveScope(scope);
        }

        WithdrawBookmarksOf(token.Id);
        instance.Tokens.Remove(token);
        Record(token.ElementId, graph.Node(token.ElementId) is UserTaskNode ? "TaskCancelled" : "ActivityCancelled", reason);
    }

    /// <summary>Finds a boundary event on <paramref name="activity"/> catching this error or escalation: the matching code first, else a catch-all.</summary>
    private static BoundaryEventNode? Catcher(ActivityNode activity, EventTrigger trigger, string? code) =>
        activity.Boundaries.FirstOrDefault(b => b.Trigger == trigger && b.Code is not null && b.Code == code)
        ?? activity.Boundaries.FirstOrDefault(b => b.Trigger == trigger && b.Code is null);

    /// <summary>Catches an error or escalation at an activity whose token is <paramref name="activityToken"/>; false when none of its boundaries catch it.</summary>
    /// <remarks>Used for sub-processes here; a call activity can route its called process's error through it too.</remarks>
    private bool TryCatchAt(Token activityToken, EventTrigger trigger, string? code)
    {
        if (graph.Node(activityToken.ElementId) is not ActivityNode activity || Catcher(activity, trigger, code) is not { } boundary)
        {
            return false;
        }

        Record(boundary.Id, trigger == EventTrigger.Error ? "ErrorCaught" : "EscalationCaught", code);
        if (boundary.CancelActivity)
        {
            InterruptActivity(activityToken, $"Interrupted by {trigger.ToString().ToLowerInvariant()} '{code}' caught at {boundary.Id}");
        }

        Spawn(boundary.Id, null, activityToken.ScopeId);
        return true;
    }

    private bool TryCorrelationKey(ValueTemplate? template, string elementId, out string? key)
    {
        key = instance.BusinessKey;
        if (template is null)
        {
            return true;
        }

        if (!TryEvaluate(template, elementId, out var value))
        {
            return false;
        }

        key = AsText(value);
        return true;
    }
}
