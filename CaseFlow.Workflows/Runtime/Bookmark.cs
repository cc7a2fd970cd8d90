namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A point where a token waits: a user task, a timer or a message subscription.
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
public sealed record Bookmark(
    Guid Id,
    BookmarkKind Kind,
    string ElementId,
    Guid TokenId,
    DateTimeOffset? DueAt = null,
    string? MessageName = null,
    string? CorrelationKey = null,
    UserTaskInfo? Task = null);
