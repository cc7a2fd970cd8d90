using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Resuming waiting tokens: completed tasks, fired timers, delivered messages.</summary>
internal sealed partial class ExecutionRun
{
    public void CompleteUserTask(Guid bookmarkId, JsonObject? variables, string? actor)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.UserTask);
        Merge(variables);
        RemoveBookmark(bookmark);
        WithdrawBoundaryTimers(bookmark.TokenId);
        var outcome = AsText(variables?["outcome"]);
        Record(bookmark.ElementId, "TaskCompleted", outcome is null ? bookmark.Task?.Name : $"{bookmark.Task?.Name}: outcome '{outcome}'", actor);
        Leave(WaitingToken(bookmark), graph.Node(bookmark.ElementId));
        Run();
    }

    public void FireTimer(Guid bookmarkId)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.Timer);
        RemoveBookmark(bookmark);
        Record(bookmark.ElementId, "TimerFired", bookmark.DueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var node = graph.Node(bookmark.ElementId);
        if (node is BoundaryTimerNode boundary)
        {
            if (boundary.CancelActivity)
            {
                // Interrupting: the task and its other timers are withdrawn, and the work continues from the boundary.
                foreach (var other in instance.Bookmarks.Where(b => b.TokenId == bookmark.TokenId).ToList())
                {
                    RemoveBookmark(other);
                }

                instance.Tokens.RemoveAll(t => t.Id == bookmark.TokenId);
                Record(boundary.AttachedToId, "TaskCancelled", $"Interrupted by timer {boundary.Id}");
            }

            Spawn(boundary.Id, null);
        }
        else
        {
            Leave(WaitingToken(bookmark), node);
        }

        Run();
    }

    public void DeliverMessage(Guid bookmarkId, JsonObject? variables)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.Message);
        Merge(variables);
        RemoveBookmark(bookmark);
        Record(bookmark.ElementId, "MessageReceived", bookmark.MessageName);
        Leave(WaitingToken(bookmark), graph.Node(bookmark.ElementId));
        Run();
    }

    private Bookmark OpenBookmark(Guid bookmarkId, BookmarkKind kind)
    {
        if (instance.Status != InstanceStatus.Running)
        {
            throw new InstanceNotRunningException($"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}; it accepts no more commands.");
        }

        return instance.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId && b.Kind == kind)
            ?? throw new BookmarkNotFoundException(bookmarkId);
    }

    private void WithdrawBoundaryTimers(Guid tokenId)
    {
        foreach (var timer in instance.Bookmarks.Where(b => b.TokenId == tokenId && b.Kind == BookmarkKind.Timer).ToList())
        {
            RemoveBookmark(timer);
        }
    }

    private Token WaitingToken(Bookmark bookmark) =>
        instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId)
        ?? throw new InvalidOperationException($"Instance {instance.Id} is inconsistent: bookmark {bookmark.Id} waits on token {bookmark.TokenId}, which does not exist.");
}
