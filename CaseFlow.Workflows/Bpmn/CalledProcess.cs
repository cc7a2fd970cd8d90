namespace CaseFlow.Workflows.Bpmn;

/// <summary>A call activity's target, so the server can check at validation that the called process exists.</summary>
/// <param name="ElementId">The <c>bpmn:callActivity</c> id (named in validation errors).</param>
/// <param name="ProcessKey">The called process key.</param>
/// <param name="Version">The pinned version; null for "latest published".</param>
public sealed record CalledProcess(string ElementId, string ProcessKey, int? Version);
