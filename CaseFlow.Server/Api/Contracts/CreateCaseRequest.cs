namespace CaseFlow.Server.Api.Contracts;

/// <summary>The body of <c>POST /api/cases</c>; kind <c>mixed</c> opens a complaint and a report (O121 Art. 9), <c>odr</c> asks for business-first handling.</summary>
public sealed record CreateCaseRequest(
    string? Kind,
    string? Channel,
    DateTimeOffset? ReceivedAt,
    PartyRequest? Complainant,
    RespondentRequest? Respondent,
    string? Category,
    string? Subject,
    string? Description,
    decimal? AmountInvolved,
    bool? Odr = null);

/// <summary>The complainant or reporter (Art. 10: real name, phone and address).</summary>
/// <summary>A complaining or reporting person; <c>IdNumber</c> (居民身份证号码) is optional and stored encrypted.</summary>
public sealed record PartyRequest(string? Name, string? Phone, string? Email, string? Address, string? IdNumber = null);

/// <summary>The business complained about or reported.</summary>
/// <remarks>A seller on an online platform also names the platform operator: its address decides jurisdiction when the seller's own does not (O121 Art. 14).</remarks>
public sealed record RespondentRequest(string? Name, string? Address, string? CreditCode, string? PlatformName = null, string? PlatformAddress = null);
