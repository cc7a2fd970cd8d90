using System.Text.Json.Nodes;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Runtime;

/// <summary>Resuming waiting tokens: completed tasks, fired timers, delivered messages.</summary>
internal sealed partial class ExecutionRun
{
    public void CompleteUserTask(Guid bookmarkId, JsonObject? variables, string? actor)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.UserTask);
        if (instance.MultiInstances.ContainsKey(bookmark.TokenId))
        {
            CompleteInstance(bookmark, variables, actor);
            Run();
            return;
        }

        Merge(variables);
        RemoveBookmark(bookmark);
        WithdrawBookmarksOf(bookmark.TokenId);
        var outcome = AsText(variables?["outcome"]);
        Record(bookmark.ElementId, "TaskCompleted", outcome is null ? bookmark.Task?.Name : $"{bookmark.Task?.Name}: outcome '{outcome}'", actor);
        Leave(WaitingToken(bookmark), graph.Node(bookmark.ElementId));
        Run();
    }

    public void FireTimer(Guid bookmarkId)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.Timer);
        RemoveBookmark(bookmark);
        if (bookmark.RetryAttempt is { } attempt)
        {
            RetryServiceTask(bookmark, attempt);
            return;
        }

        Record(bookmark.ElementId, "TimerFired", bookmark.DueAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var node = graph.Node(bookmark.ElementId);
        if (node is BoundaryEventNode boundary)
        {
            TriggerBoundary(bookmark, boundary);
        }
        else
        {
            ResumeCatch(bookmark, node);
        }

        Run();
    }

    public void DeliverMessage(Guid bookmarkId, JsonObject? variables)
    {
        var bookmark = OpenBookmark(bookmarkId, BookmarkKind.Message);
        Merge(variables);
        RemoveBookmark(bookmark);
        Record(bookmark.ElementId, "MessageReceived", bookmark.MessageName);
        var node = graph.Node(bookmark.ElementId);
        if (node is BoundaryEventNode boundary)
        {
            TriggerBoundary(bookmark, boundary);
        }
        else
        {
            ResumeCatch(bookmark, node);
        }

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

    /// <summary>Withdraws every bookmark still hanging on a token: boundary events when its activity ends, the losers of an event-based gateway.</summary>
    private void WithdrawBookmarksOf(Guid tokenId)
    {
        foreach (var bookmark in instance.Bookmarks.Where(b => b.TokenId == tokenId).ToList())
        {
            RemoveBookmark(bookmark);
        }
    }

    /// <summary>
    /// A catch event's timer or message arrived: the token leaves through the event. Behind an event-based gateway
    /// (BPMN 2.0 §13.3.3) the token waits on the gateway with one bookmark per event; the first resumed wins and the
    /// others are withdrawn in the same command.
    /// </summary>
    private void ResumeCatch(Bookmark bookmark, FlowNode node)
    {
        var token = WaitingToken(bookmark);
        WithdrawBookmarksOf(token.Id);
        if (token.ElementId != node.Id)
        {
            Record(token.ElementId, "ElementCompleted", $"Event {node.Id} occurred first");
        }

        Leave(token, node);
    }

    private Token WaitingToken(Bookmark bookmark) =>
        instance.Tokens.FirstOrDefault(t => t.Id == bookmark.TokenId)
        ?? throw new InvalidOperationException($"Instance {instance.Id} is inconsistent: bookmark {bookmark.Id} waits on token {bookmark.TokenId}, which does not exist.");
}
