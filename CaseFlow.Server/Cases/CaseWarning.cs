namespace CaseFlow.Server.Cases;

/// <summary>
/// An Art. 17 warning sign (O121: factors the authority "may consider" when judging Art. 16(3)). It informs the person
/// deciding on acceptance and never decides anything itself.
/// </summary>
/// <param name="Code">frequent-complainant, shared-contact, templated-text or punitive-claims.</param>
/// <param name="Factor">The Art. 17 factor it points to, in Chinese.</param>
/// <param name="Message">What was found, in English.</param>
/// <param name="MessageZh">What was found, in Chinese.</param>
/// <param name="RelatedCases">The numbers of the other cases that raised it.</param>
public sealed record CaseWarning(string Code, string Factor, string Message, string MessageZh, IReadOnlyList<string> RelatedCases);
