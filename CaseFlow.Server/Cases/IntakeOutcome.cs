using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>What intake did with a request.</summary>
public abstract record IntakeOutcome
{
    /// <summary>A new case was registered and its process started.</summary>
    /// <remarks><paramref name="Linked"/> holds the other cases registered with it (the report of a mixed submission).</remarks>
    public sealed record Created(StoredCase Case, IReadOnlyList<StoredCase> Linked) : IntakeOutcome;

    /// <summary>The same Idempotency-Key and body were seen before: the first case is returned.</summary>
    public sealed record Replayed(StoredCase Case, IReadOnlyList<StoredCase> Linked) : IntakeOutcome;

    /// <summary>The Idempotency-Key was used before with a different body.</summary>
    public sealed record KeyReused : IntakeOutcome;

    /// <summary>No process is published for the case kind.</summary>
    public sealed record NoProcess(string ProcessKey) : IntakeOutcome;
}
