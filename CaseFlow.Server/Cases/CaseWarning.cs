namespace CaseFlow.Server.Cases;

/// <summary>
/// Something the person deciding on acceptance or verification must weigh; it never decides anything itself. Two kinds:
/// an Art. 17 warning sign (O121: factors the authority "may consider" when judging Art. 16(3)), and a material that
/// was missing at registration (Art. 10; a ground for a 不予受理 decision under Art. 16(5), or for asking 补正).
/// </summary>
/// <param name="Code">frequent-complainant, shared-contact, templated-text; or missing-… for a missing material, anonymous-report.</param>
/// <param name="Factor">What it is, in Chinese, citing the article in force on the receipt date (缺少投诉人地址（第十条）).</param>
/// <param name="Message">What was found, in English.</param>
/// <param name="MessageZh">What was found, in Chinese.</param>
/// <param name="RelatedCases">The numbers of the other cases that raised it (only those the reader may see).</param>
/// <param name="Category"><c>art17</c> for a warning sign to acknowledge, <c>materials</c> for a missing material, <c>info</c> for a note.</param>
public sealed record CaseWarning(string Code, string Factor, string Message, string MessageZh, IReadOnlyList<string> RelatedCases, string Category = "art17");
