namespace CaseFlow.Server.Persistence.Entities;

/// <summary>What happened to a deadline.</summary>
public enum DeadlineChangeKind
{
    Suspended,
    Resumed,
    Extended,
}
