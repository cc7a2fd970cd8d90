using System.Text.Json.Nodes;

namespace CaseFlow.Server.Api.Contracts;

/// <summary>
/// The body of <c>POST /api/cases/{id}/deadlines/{deadlineId}/suspend</c>, <c>/resume</c> and <c>/extend</c>:
/// suspend takes <c>reason</c> and <c>kind</c>; resume takes <c>reason</c>; extend takes <c>reason</c> and <c>approval</c>
/// (<c>OfficeHead</c> or <c>CollectiveDecision</c>). The approver is the signed-in head, taken from the directory;
/// <c>approvedBy</c> is kept only as a note. A collective decision carries <c>discussion</c> (participants, conclusion,
/// date) and, where the rule lets the discussion set the length (PPR Art. 64), <c>amount</c> (alias <c>days</c>) in the
/// rule's unit.
/// </summary>
public sealed record DeadlineChangeRequest(string? Reason, string? Kind, string? ApprovedBy, string? Approval, int? Amount = null, int? Days = null, DiscussionRequest? Discussion = null);

/// <summary>A collective discussion of the heads: who took part (user names of the bureau-heads group), the conclusion and the date (yyyy-MM-dd).</summary>
public sealed record DiscussionRequest(JsonNode? Participants, string? Conclusion, string? Date);
