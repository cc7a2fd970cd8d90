namespace CaseFlow.Workflows.Runtime;

/// <summary>A running instance of an embedded sub-process: the tokens inside it carry its <see cref="Id"/>.</summary>
/// <remarks>
/// Scopes form a tree (<see cref="ParentId"/>) so that terminate, error and interrupting boundary events can end
/// exactly the tokens and bookmarks of one sub-process instance, even when the same sub-process runs twice.
/// </remarks>
/// <param name="Id">Unique per sub-process instance.</param>
/// <param name="ElementId">The <c>bpmn:subProcess</c> element.</param>
/// <param name="TokenId">The token waiting on the sub-process element itself (its boundary bookmarks hang on it).</param>
/// <param name="ParentId">The enclosing scope; null when the sub-process is at the process level.</param>
public sealed record Scope(Guid Id, string ElementId, Guid TokenId, Guid? ParentId = null);
