namespace CaseFlow.Server.Persistence.Entities;

/// <summary>A deadline's state as the contract names it.</summary>
public enum DeadlineState
{
    Running,
    Met,
    Breached,
    Suspended,
}
