namespace CaseFlow.Workflows.Runtime;

/// <summary>A token about to enter its element, and the sequence flow it arrives by (a parallel join needs to know).</summary>
/// <param name="TokenId">The token (see <see cref="WorkflowInstanceState.Tokens"/>).</param>
/// <param name="ViaFlowId">The sequence flow it arrived by; null when it was placed directly (start, retry, move).</param>
public sealed record QueuedToken(Guid TokenId, string? ViaFlowId);
