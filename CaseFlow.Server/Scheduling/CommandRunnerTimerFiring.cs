using CaseFlow.Server.Commands;

namespace CaseFlow.Server.Scheduling;

/// <summary>Fires timers through the command runner, so a firing is one transaction like every other command.</summary>
internal sealed class CommandRunnerTimerFiring(WorkflowCommandRunner runner) : ITimerFiring
{
    public Task<bool> FireAsync(Guid instanceId, Guid bookmarkId, CancellationToken cancellationToken) =>
        runner.FireTimerAsync(instanceId, bookmarkId, cancellationToken);
}
