using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Escalations;

/// <summary>What a ladder email or timeline entry says about one firing.</summary>
internal sealed record LadderFacts(
    EscalationKind Kind,
    string CaseNumber,
    string CaseSubject,
    string TaskName,
    string DeadlineName,
    string LegalBasis,
    DateOnly DueDate,
    int WorkingDaysLeft,
    string? Assignee,
    string? ReassignedTo);
