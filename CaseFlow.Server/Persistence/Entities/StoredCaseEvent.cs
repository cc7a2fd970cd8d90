namespace CaseFlow.Server.Persistence.Entities;

/// <summary>One line of a case's timeline: what happened, when, and who did it.</summary>
public sealed class StoredCaseEvent
{
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user, or <c>system</c> for timers and the engine.</summary>
    public required string Actor { get; set; }

    public required string Event { get; set; }

    public string? Details { get; set; }
}
