using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Server.Processes;

/// <summary>What publishing a draft did.</summary>
public abstract record PublishOutcome
{
    public sealed record Published(int Version) : PublishOutcome;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : PublishOutcome;

    public sealed record NoDraft : PublishOutcome;
}
