namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A point where a token waits: a user task, a timer or a message subscription (also on boundary events and event-based gateways).
/// </summary>
/// <remarks>
/// Bookmarks are the durable truth of what an instance waits for. The server stores one row per bookmark
/// (indexed by due instant or message name and correlation key) in the same transaction as the instance, so
/// a timer or message can always be matched to exactly one waiting token, and a consumed bookmark makes any
/// duplicate delivery a no-op.
/// </remarks>
/// <param name="Id">Unique id; also the Quartz trigger key for timers and the task id for user tasks.</param>
/// <param name="Kind">What the bookmark waits for.</param>
/// <param name="ElementId">The BPMN element that created it (task, catch event or boundary event).</param>
/// <param name="TokenId">The token that waits (for boundary events: the token of the task they are attached to).</param>
/// <param name="DueAt">For timers: when it fires.</param>
/// <param name="MessageName">For messages: the <c>bpmn:message</c> name.</param>
/// <param name="CorrelationKey">For messages: the key a message must carry to match.</param>
/// <param name="Task">For user tasks: the queue information.</param>
/// <param name="Cycle">For repeating boundary timers: the <c>timeCycle</c> text (e.g. <c>R3/PT2S</c>), so the history and operators can see why it recurs.</param>
/// <param name="RemainingRepetitions">
/// For repeating timers: firings left including this one (null with a <see cref="Cycle"/> means unbounded). Each firing
/// consumes its bookmark and schedules a new one with one fewer, because the server keys one Quartz trigger per bookmark.
/// </param>
public sealed record Bookmark(
    Guid Id,
    BookmarkKind Kind,
    string ElementId,
    Guid TokenId,
    DateTimeOffset? DueAt = null,
    string? MessageName = null,
    string? CorrelationKey = null,
    UserTaskInfo? Task = null,
    string? Cycle = null,
    int? RemainingRepetitions = null)
{
    /// <summary>
    /// For the timer that re-runs a failed service task: which run it starts (2 for the first retry). Null for
    /// every other bookmark. The token stays on the service task while it waits, so operators see where it is.
    /// </summary>
    public int? RetryAttempt { get; init; }

    /// <summary>For the tasks of a multi-instance user task: which instance (0-based <c>loopCounter</c>); null otherwise.</summary>
    public int? LoopCounter { get; init; }

    /// <summary>For call activities: the called process key, so operators see what the token waits for without the child.</summary>
    public string? CalledProcessKey { get; init; }

    /// <summary>For call activities: the pinned version; null when the latest version was called.</summary>
    public int? CalledProcessVersion { get; init; }
}
