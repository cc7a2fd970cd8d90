using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Deadlines;

/// <summary>What a deadline operation did: the changed deadline, or why not (a field error, a conflict, not found).</summary>
/// <param name="Deadline">The deadline after the change; null when refused.</param>
/// <param name="Field">For a 400: the field at fault.</param>
/// <param name="Problem">For a refusal: why, in a sentence.</param>
/// <param name="NotFound">The case or deadline does not exist.</param>
public sealed record DeadlineOutcome(StoredDeadline? Deadline, string? Field = null, string? Problem = null, bool NotFound = false)
{
    public static DeadlineOutcome Missing(string problem) => new(null, Problem: problem, NotFound: true);

    public static DeadlineOutcome Invalid(string field, string problem) => new(null, field, problem);

    public static DeadlineOutcome Conflict(string problem) => new(null, Problem: problem);
}
