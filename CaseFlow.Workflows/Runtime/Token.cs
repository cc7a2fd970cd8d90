namespace CaseFlow.Workflows.Runtime;

/// <summary>A token: one thread of execution positioned on an element.</summary>
/// <param name="Id">Unique per token.</param>
/// <param name="ElementId">The element it sits on.</param>
/// <param name="ScopeId">
/// The <see cref="Scope"/> (embedded sub-process instance) the token runs in; null at the process level. A scope
/// completes when it holds no more tokens, and terminate or an interrupting boundary removes exactly its tokens.
/// </param>
public sealed record Token(Guid Id, string ElementId, Guid? ScopeId = null);
