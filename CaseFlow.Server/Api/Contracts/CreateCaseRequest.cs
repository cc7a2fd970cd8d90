namespace CaseFlow.Server.Api.Contracts;

/// <summary>The body of <c>POST /api/cases</c>; kind <c>mixed</c> opens a complaint and a report (O121 Art. 9), <c>odr</c> asks for business-first handling.</summary>
/// <remarks>
/// Only what identifies the matter is required (kind, channel, the facts, and for a complaint the respondent); every
/// other Art. 10 material that is missing is registered as a warning for the acceptance decision (O121 Art. 15–16),
/// never refused at the door. <c>Complainant</c> may be omitted for an anonymous report. <c>ConductDate</c> (the day of
/// the conduct, or when the complainant knew of the harm) lets the limitation periods be checked (APL Art. 36, O121
/// Art. 16(4)); it only ever raises a warning.
/// </remarks>
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
    bool? Odr = null,
    CaseSourceRequest? Source = null,
    DateOnly? ConductDate = null);

/// <summary>The complainant or reporter (Art. 10: real name, phone and address); every field may be missing at registration.</summary>
/// <remarks><c>IdNumber</c> (居民身份证号码) is optional and stored encrypted.</remarks>
public sealed record PartyRequest(string? Name, string? Phone, string? Email, string? Address, string? IdNumber = null);

/// <summary>The business complained about or reported.</summary>
/// <remarks>A seller on an online platform also names the platform operator: its address decides jurisdiction when the seller's own does not (O121 Art. 14).</remarks>
public sealed record RespondentRequest(string? Name, string? Address, string? CreditCode, string? PlatformName = null, string? PlatformAddress = null);

/// <summary>
/// Where a clue came from when no person complained (PPR Art. 18): the transferring agency or the assigning superior
/// with its letter's number (channels <c>transfer</c>, <c>assigned</c>), or the inspection or sampling task with its
/// record or report number (channels <c>inspection</c>, <c>sampling</c>; 双随机一公开 results included).
/// </summary>
public sealed record CaseSourceRequest(string? Organisation, string? Reference, DateOnly? Date = null);
