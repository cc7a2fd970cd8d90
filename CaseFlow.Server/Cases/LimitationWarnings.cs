using CaseFlow.Server.Deadlines;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Calendar;
using CaseFlow.Workflows.Deadlines;

namespace CaseFlow.Server.Cases;

/// <summary>
/// The limitation periods checked against the case's conduct date: for a complaint, three years from the day the
/// complainant knew of the harm (O121 Art. 16(4)); otherwise two years, or five where life, health or financial safety
/// is involved and harm resulted, from the conduct (APL Art. 36), measured to the day the authority received (found)
/// the matter. They are warnings for the person deciding (不予受理, 不予立案), never a decision (rules.md, Implications).
/// The periods come from the rule sets in force on the receipt date (<c>complaint.limitation</c>,
/// <c>ppr.limitation</c>, <c>ppr.limitation-serious</c>).
/// </summary>
public sealed class LimitationWarnings(RuleSetStore ruleSets, IBusinessCalendar calendar)
{
    public const string Code = "limitation-expired";

    public async Task<IReadOnlyList<CaseWarning>> ForAsync(StoredCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ConductDate is not { } conduct)
        {
            return [];
        }

        var sets = await ruleSets.GetAllAsync(cancellationToken);
        var received = calendar.ToLocalDate(c.ReceivedAt);
        DeadlineRule? Rule(string code) => DeadlineRuleResolver.Resolve(sets, code, received)?.Rule;
        DateOnly End(DeadlineRule rule) => DeadlineArithmetic.AddMonths(calendar, conduct, rule.Amount);

        if (c.Kind == "complaint")
        {
            if (Rule("complaint.limitation") is not { } rule || received <= End(rule))
            {
                return [];
            }

            return [Warning("投诉时效（第十六条第四项）", rule,
                $"The complaint was received on {received:yyyy-MM-dd}, more than {rule.Amount / 12} years after the complainant knew of the harm ({conduct:yyyy-MM-dd}); O121 Art. 16(4) is a ground for refusal, for a person to decide.",
                $"投诉人知道或者应当知道权益受到侵害之日（{conduct:yyyy-MM-dd}）至收到投诉（{received:yyyy-MM-dd}）已超过三年（期满 {End(rule):yyyy-MM-dd}），属第十六条第四项不予受理情形，由承办人审查决定。")];
        }

        if (Rule("ppr.limitation") is not { } two || received <= End(two))
        {
            return [];
        }

        var five = Rule("ppr.limitation-serious");
        if (c.ConductSeriousHarm && five is not null)
        {
            return received <= End(five)
                ? []
                : [Warning("追责期限（《行政处罚法》第三十六条）", five,
                    $"Found on {received:yyyy-MM-dd}, more than five years after the conduct ({conduct:yyyy-MM-dd}): no penalty may be imposed (APL Art. 36), for a person to decide.",
                    $"违法行为（{conduct:yyyy-MM-dd}）至发现（{received:yyyy-MM-dd}）已超过五年（期满 {End(five):yyyy-MM-dd}），依照《行政处罚法》第三十六条不再给予行政处罚，由承办人审查决定。")];
        }

        var fiveNote = five is null ? "" : $"；如涉及公民生命健康安全、金融安全且有危害后果，追责期限为五年（期满 {End(five):yyyy-MM-dd}）";
        return [Warning("追责期限（《行政处罚法》第三十六条）", two,
            $"Found on {received:yyyy-MM-dd}, more than two years after the conduct ({conduct:yyyy-MM-dd}): no penalty unless life, health or financial safety is involved and harm resulted (five years; APL Art. 36). A person decides.",
            $"违法行为（{conduct:yyyy-MM-dd}）至发现（{received:yyyy-MM-dd}）已超过二年（期满 {End(two):yyyy-MM-dd}），依照《行政处罚法》第三十六条不再给予行政处罚{fiveNote}，由承办人审查决定。")];
    }

    private static CaseWarning Warning(string factor, DeadlineRule rule, string message, string messageZh) =>
        new(Code, factor, message, messageZh + "依据：" + rule.LegalBasis, []);
}
