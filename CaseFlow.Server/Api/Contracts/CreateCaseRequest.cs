namespace CaseFlow.Server.Api.Contracts;

/// <summary>The body of <c>POST /api/cases</c>.</summary>
public sealed record CreateCaseRequest(
    string? Kind,
    string? Channel,
    DateTimeOffset? ReceivedAt,
    PartyRequest? Complainant,
    RespondentRequest? Respondent,
    string? Category,
    string? Subject,
    string? Description,
    decimal? AmountInvolved);

/// <summary>The complainant or reporter (Art. 10: real name, phone and address).</summary>
public sealed record PartyRequest(string? Name, string? Phone, string? Email, string? Address);

/// <summary>The business complained about or reported.</summary>
public sealed record RespondentRequest(string? Name, string? Address, string? CreditCode);
