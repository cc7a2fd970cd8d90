using CaseFlow.Workflows.Runtime;

namespace CaseFlow.Server.Persistence.Entities;

/// <summary>An open bookmark, indexed so timers and messages find their instance without loading states.</summary>
/// <remarks>The row is the truth for timers: Quartz triggers are derived from it and a missing row makes a firing a no-op.</remarks>
public sealed class StoredBookmark
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public BookmarkKind Kind { get; set; }

    public required string ElementId { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public string? MessageName { get; set; }

    public string? CorrelationKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
