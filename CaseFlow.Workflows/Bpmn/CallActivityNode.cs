namespace CaseFlow.Workflows.Bpmn;

/// <summary>A call activity (BPMN 2.0 §10.3.6): runs another published process as a child instance and waits for it.</summary>
/// <remarks>
/// It derives from <see cref="ActivityNode"/> so boundary events (timers, messages) work on it like on a user task;
/// withdrawing its bookmark is how the server learns that the child must be cancelled.
/// </remarks>
internal sealed class CallActivityNode(string id, string? name, string calledElement)
    : ActivityNode(id, name, NodeKind.CallActivity, "callActivity")
{
    /// <summary>The called process's key (<c>calledElement</c>).</summary>
    public string CalledElement { get; } = calledElement;

    /// <summary>The pinned version (<c>caseflow:version</c>); null means the latest published when the call starts.</summary>
    public int? Version { get; init; }

    /// <summary>Variables handed to the child; empty means "all of the parent's variables".</summary>
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];

    /// <summary>Variables copied back when the child completes; empty means none.</summary>
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];

    /// <summary>Errors and escalations the called process does not catch come out of the call activity.</summary>
    public override bool HasInnerThrows => true;
}
