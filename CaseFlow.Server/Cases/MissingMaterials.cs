using CaseFlow.Server.Persistence.Entities;

namespace CaseFlow.Server.Cases;

/// <summary>
/// What a registered case lacks of the materials its rules require (O121 Art. 10; Order 20 Art. 9 before 2026-04-15),
/// and what a clue's source document lacks (PPR Art. 18). Each becomes a warning on the case and its acceptance step:
/// the person deciding asks for 补正 or refuses under Art. 16(5) with reasons (rules.md §1.1b). Nothing here refuses.
/// </summary>
public static class MissingMaterials
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The rules in force on the case's receipt date (Shanghai).</summary>
    public static ComplaintRuleTexts RulesFor(StoredCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return ComplaintRuleTexts.InForceOn(DateOnly.FromDateTime(c.ReceivedAt.ToOffset(Shanghai).DateTime));
    }

    /// <summary>The warnings, in the order Art. 10 lists the materials; empty when nothing is missing.</summary>
    public static IReadOnlyList<CaseWarning> For(StoredCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var warnings = new List<CaseWarning>();
        if (c.AnonymisedAt is not null)
        {
            return warnings; // the retention job removed the parties' data on purpose; nothing is "missing"
        }

        var rules = RulesFor(c);
        var article = rules.MaterialsArticle;
        var refusal = $"可要求补正，或依{rules.RefusalArticle}第五项作出不予受理决定。";
        if (c.Kind == "complaint")
        {
            Missing(warnings, c.ComplainantName, "complainant-name", $"缺少投诉人姓名（{article}）", "The complainant's name is missing.", "投诉人未提供真实姓名。" + refusal);
            Missing(warnings, c.ComplainantPhone, "complainant-phone", $"缺少投诉人联系电话（{article}）", "The complainant's phone number is missing.", "投诉人未提供联系电话。" + refusal);
            Missing(warnings, c.ComplainantAddress, "complainant-address", $"缺少投诉人地址（{article}）", "The complainant's address is missing.", "投诉人未提供地址。" + refusal);
            Missing(warnings, c.RespondentName, "respondent-name", $"缺少被投诉人名称（{article}）", "The respondent's name is missing.", "未提供被投诉人名称。" + refusal);
            Missing(warnings, c.RespondentAddress ?? c.RespondentPlatformAddress, "respondent-address", $"缺少被投诉人地址（{article}）",
                "The respondent's address is missing.", "未提供被投诉人地址（平台内经营者可提供平台经营者地址）。" + refusal);
        }
        else if (IsAnonymous(c) && !IntakeChannels.CarriesSourceDocument(c.Channel))
        {
            warnings.Add(new CaseWarning("anonymous-report", "匿名举报", "An anonymous report: it is verified like any clue; no notices are sent.",
                "匿名举报：与其他线索一样依法核查（《市场监督管理行政处罚程序规定》第十八条），无需向举报人告知。", [], "info"));
        }

        if (IntakeChannels.CarriesSourceDocument(c.Channel) && (string.IsNullOrWhiteSpace(c.SourceOrganisation) || string.IsNullOrWhiteSpace(c.SourceReference)))
        {
            var document = IntakeChannels.SourceDocumentZh(c.Channel);
            warnings.Add(new CaseWarning("missing-source", $"缺少{document}", $"The source document of this {c.Channel} clue is not recorded.",
                $"{IntakeChannels.NameZh(c.Channel)}的线索应载明{document}，请补录（《市场监督管理行政处罚程序规定》第十八条）。", [], "materials"));
        }

        return warnings;
    }

    /// <summary>A report whose reporter gave neither a name nor any way to reach them.</summary>
    public static bool IsAnonymous(StoredCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.IsNullOrWhiteSpace(c.ComplainantName) && string.IsNullOrWhiteSpace(c.ComplainantPhone)
            && string.IsNullOrWhiteSpace(c.ComplainantEmail) && string.IsNullOrWhiteSpace(c.ComplainantAddress);
    }

    private static void Missing(List<CaseWarning> warnings, string? value, string field, string factor, string message, string messageZh)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            warnings.Add(new CaseWarning("missing-" + field, factor, message, messageZh, [], "materials"));
        }
    }
}
