namespace CaseFlow.Server.Scheduling;

/// <summary>What a timer trigger does when it fires: resume the bookmark.</summary>
/// <remarks>Separate from the job so the Quartz wiring can be tested without the engine behind it.</remarks>
internal interface ITimerFiring
{
    /// <summary>Resumes the bookmark; false when it was already consumed, which makes the firing a no-op.</summary>
    Task<bool> FireAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken);
}
