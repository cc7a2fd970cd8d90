using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Scheduling;

/// <summary>Timer-start rows a publication removed and added, for scheduling once it is committed.</summary>
public sealed record TimerStartChanges(IReadOnlyList<StoredTimerStart> Removed, IReadOnlyList<StoredTimerStart> Added);
