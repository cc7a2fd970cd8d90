using CaseFlow.Server.Cases;
using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Api.Contracts;

/// <summary>
/// The citations a person sees on a case, from the rules in force on its receipt date (Order 20 before 2026-04-15,
/// Order 121 from then): the intake checklist's heading, the refusal article and the prefilled Art. 16(3) reason.
/// </summary>
public sealed record CaseLegalTexts(string RuleSet, string RulesName, string MaterialsChecklistTitle, string RefusalArticle, string? ProfessionalClaimantsArticle, string NotConsumptionRefusalReason)
{
    public static CaseLegalTexts For(StoredCase c) => Of(MissingMaterials.RulesFor(c));

    /// <summary>The texts for a complaint received on <paramref name="receivedOn"/> (the intake form, before registering).</summary>
    public static CaseLegalTexts On(DateOnly receivedOn) => Of(ComplaintRuleTexts.InForceOn(receivedOn));

    private static CaseLegalTexts Of(ComplaintRuleTexts rules) =>
        new(rules.Code, rules.Name, rules.MaterialsChecklistTitle, rules.ShortName + rules.RefusalArticle, rules.ProfessionalClaimantsArticle, rules.NotConsumptionRefusalReason);
}
