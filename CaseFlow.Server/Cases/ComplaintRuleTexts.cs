namespace CaseFlow.Server.Cases;

/// <summary>
/// The complaint and report rules in force on a case's receipt date, with the articles a person or a letter cites:
/// SAMR Order 20 (《市场监督管理投诉举报处理暂行办法》) until 2026-04-14, Order 121 (《市场监督管理投诉举报处理办法》) from
/// 2026-04-15 (rules.md, key finding). A complaint received under one is cited under that one, whatever today's date.
/// </summary>
/// <remarks>
/// Order 20's article numbers (materials Art. 9, acceptance Art. 14, non-acceptance Art. 15 with six grounds, mediation ended after 45 working days by Art. 21) are from
/// secondary reproductions of its text [M]; Order 121's are checked against the official text [H].
/// </remarks>
public sealed record ComplaintRuleTexts(
    string Code,
    string Name,
    string ShortName,
    string MaterialsArticle,
    string AcceptanceArticle,
    string RefusalArticle,
    string? ProfessionalClaimantsArticle,
    string MediationPeriod,
    string TerminationArticle,
    IReadOnlyDictionary<string, string> RefusalGrounds)
{
    /// <summary>The day Order 121 took effect and Order 20 was repealed.</summary>
    public static readonly DateOnly Order121InForce = new(2026, 4, 15);

    public static readonly ComplaintRuleTexts Order121 = new(
        "O121",
        "《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）",
        "《市场监督管理投诉举报处理办法》",
        "第十条",
        "第十五条",
        "第十六条",
        "第十七条",
        "自受理之日起六十日",
        "第二十三条",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["no-jurisdiction"] = "第十六条第一项（不属于市场监督管理部门职责，或者本行政机关不具有处理权限）",
            ["already-handled"] = "第十六条第二项（法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议）",
            ["not-consumption"] = "第十六条第三项（不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议）",
            ["time-barred"] = "第十六条第四项（除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年）",
            ["materials-missing-or-false"] = "第十六条第五项（未提供本办法第十条第一款和第十一条规定的材料，或者提供的材料虚假）",
            ["identity"] = "第十六条第六项（冒用他人名义投诉，或者拒不配合身份核验）",
            ["other-legal-ground"] = "第十六条第七项（法律、法规、规章规定不予受理的其他情形）",
        });

    public static readonly ComplaintRuleTexts Order20 = new(
        "O20",
        "《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）",
        "《市场监督管理投诉举报处理暂行办法》",
        "第九条",
        "第十四条",
        "第十五条",
        null,
        "自受理之日起四十五个工作日",
        "第二十一条",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["no-jurisdiction"] = "第十五条第一项（投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限）",
            ["already-handled"] = "第十五条第二项（法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议）",
            ["not-consumption"] = "第十五条第三项（不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议）",
            ["time-barred"] = "第十五条第四项（除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年）",
            ["materials-missing-or-false"] = "第十五条第五项（未提供本办法第九条第一款和第十条规定的材料）",
            ["identity"] = "第十五条第六项（法律、法规、规章规定不予受理的其他情形）",
            ["other-legal-ground"] = "第十五条第六项（法律、法规、规章规定不予受理的其他情形）",
        });

    /// <summary>The rules in force on the Shanghai date the authority received the case.</summary>
    public static ComplaintRuleTexts InForceOn(DateOnly receivedOn) => receivedOn < Order121InForce ? Order20 : Order121;

    /// <summary>The prefilled reason for refusing under the "not for personal consumption" ground after weighing warning signs.</summary>
    public string NotConsumptionRefusalReason => ProfessionalClaimantsArticle is { } art17
        ? $"经审查，存在{ShortName}{art17}所列情形，难以认定为生活消费需要，依{RefusalArticle}第三项不予受理。"
        : $"经审查，难以认定为生活消费需要，依{ShortName}{RefusalArticle}第三项不予受理。";

    /// <summary>The heading of the intake checklist of required materials.</summary>
    public string MaterialsChecklistTitle => $"必备材料（{ShortName}{MaterialsArticle}）";
}
