using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Deadlines;

/// <summary>What recording a measure (or opening, completing a deadline) did, or why it was refused.</summary>
/// <param name="Deadlines">The deadlines opened or completed.</param>
/// <param name="Field">For a 400: the field at fault.</param>
/// <param name="Problem">For a refusal: why, in a sentence (English, then Chinese).</param>
/// <param name="NotFound">The case or deadline does not exist.</param>
public sealed record MeasureOutcome(IReadOnlyList<StoredDeadline> Deadlines, string? Field = null, string? Problem = null, bool NotFound = false)
{
    public bool Refused => Problem is not null || NotFound;

    public static MeasureOutcome Missing(string problem) => new([], Problem: problem, NotFound: true);

    public static MeasureOutcome Invalid(string field, string problem) => new([], field, problem);

    public static MeasureOutcome Conflict(string problem) => new([], Problem: problem);
}
