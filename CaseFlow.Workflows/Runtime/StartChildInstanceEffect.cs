using System.Text.Json.Nodes;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// Start a child instance for a call activity (BPMN 2.0 §10.3.6). The server starts it in the same transaction as
/// the parent's command and completes <paramref name="BookmarkId"/> when the child completes.
/// </summary>
/// <param name="ElementId">The call activity.</param>
/// <param name="BookmarkId">The parent's call-activity bookmark the child reports back to.</param>
/// <param name="ProcessKey">The called process.</param>
/// <param name="Version">The pinned version; null means the latest published version at this moment.</param>
/// <param name="Variables">The child's initial variables (after the <c>caseflow:in</c> mappings).</param>
public sealed record StartChildInstanceEffect(string ElementId, Guid BookmarkId, string ProcessKey, int? Version, JsonObject Variables)
    : WorkflowEffect(ElementId);
