using CaseFlow.Workflows.Cases;

namespace CaseFlow.Server.Cases;

/// <summary>One line of the case list (<c>GET /api/cases</c>), as both of its queries read it.</summary>
public sealed record CaseListRow(Guid Id, string Number, string Kind, CaseStatus Status, string? OfficeId, string Subject, string RespondentName, DateTimeOffset ReceivedAt);
