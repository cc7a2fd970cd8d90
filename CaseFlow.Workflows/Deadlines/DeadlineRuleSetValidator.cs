using System.Text.RegularExpressions;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Workflows.Deadlines;

/// <summary>Checks a rule set before it is saved; errors are keyed by field path, e.g. <c>rules[2].amount</c>.</summary>
public static partial class DeadlineRuleSetValidator
{
    /// <summary>Most extensions a rule may allow; more is almost certainly a typo.</summary>
    public const int MaxExtensions = 10;

    /// <summary>
    /// Errors of <paramref name="ruleSet"/> on its own and against <paramref name="others"/> (the other stored sets):
    /// a rule code may not be in force in two sets on the same day.
    /// </summary>
    public static Dictionary<string, string[]> Validate(DeadlineRuleSet ruleSet, IEnumerable<DeadlineRuleSet> others)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (!IdForm().IsMatch(ruleSet.Id ?? ""))
        {
            Add("id", "id must be 1-32 letters, digits, '-' or '_' (e.g. O121). 编号须为 1–32 个字母、数字、连字符或下划线（如 O121）。");
        }

        Required(ruleSet.Name, "name", Add);
        Required(ruleSet.LegalSource, "legalSource", Add);
        if (ruleSet.EffectiveFrom == default)
        {
            Add("effectiveFrom", "effectiveFrom is required (a date like 2026-04-15). 请填写生效日期（如 2026-04-15）。");
        }

        if (ruleSet.EffectiveTo is { } to && to < ruleSet.EffectiveFrom)
        {
            Add("effectiveTo", "effectiveTo must not be before effectiveFrom. 失效日期不得早于生效日期。");
        }

        var rules = ruleSet.Rules ?? [];
        if (rules.Count == 0)
        {
            Add("rules", "A rule set needs at least one rule. 规则集至少需要一条规则。");
        }

        var otherSets = others.Where(o => !string.Equals(o.Id, ruleSet.Id, StringComparison.Ordinal)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"rules[{i}]";
            if (rule is null)
            {
                Add(at, "A rule may not be null. 规则不能为空。");
                continue;
            }

            if (!CodeForm().IsMatch(rule.Code ?? ""))
            {
                Add($"{at}.code", "code must look like complaint.acceptance (lower-case words, digits and '-', separated by dots). 规则代码形如 complaint.acceptance（小写字母、数字和连字符，用点分隔）。");
            }
            else if (!seen.Add(rule.Code!))
            {
                Add($"{at}.code", $"The code {rule.Code} appears twice in this rule set. 规则代码 {rule.Code} 在本规则集中出现了两次。");
            }
            else if (otherSets.FirstOrDefault(o => o.Overlaps(ruleSet) && o.Rules.Any(r => r.Code == rule.Code)) is { } clash)
            {
                Add($"{at}.code", $"{rule.Code} is also in rule set {clash.Id}, whose effective range ({clash.EffectiveFrom:yyyy-MM-dd} to {clash.EffectiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}) overlaps this one; a case must find exactly one rule. 规则代码 {rule.Code} 也在规则集 {clash.Id} 中，其生效期间与本规则集重叠；每个案件只能适用一条规则。");
            }

            Required(rule.NameZh, $"{at}.nameZh", Add);
            Required(rule.NameEn, $"{at}.nameEn", Add);
            Required(rule.LegalBasis, $"{at}.legalBasis", Add);
            Required(rule.StartEvent, $"{at}.startEvent", Add);
            CheckEnum(rule.Unit, $"{at}.unit", Add);
            var maxAmount = rule.Unit switch
            {
                DeadlineUnit.Hours => BusinessDuration.MaxDays * 24,
                DeadlineUnit.Months => BusinessDuration.MaxDays / 30,
                _ => BusinessDuration.MaxDays,
            };
            if (rule.Amount < 1 || rule.Amount > maxAmount)
            {
                Add($"{at}.amount", $"amount must be between 1 and {maxAmount}. 期限数值须在 1 到 {maxAmount} 之间。");
            }

            var warnings = rule.WarningsBefore ?? [];
            for (var w = 0; w < warnings.Count; w++)
            {
                Duration(warnings[w], $"{at}.warningsBefore[{w}]", Add);
            }

            var steps = rule.Escalations ?? [];
            for (var s = 0; s < steps.Count; s++)
            {
                var step = steps[s];
                Duration(step.Offset, $"{at}.escalations[{s}].offset", Add);
                CheckEnum(step.Action, $"{at}.escalations[{s}].action", Add);
                Required(step.Role, $"{at}.escalations[{s}].role", Add);
                if (step.RepeatEvery is not null)
                {
                    Duration(step.RepeatEvery, $"{at}.escalations[{s}].repeatEvery", Add);
                    if (BusinessDuration.TryParse(step.RepeatEvery, out var every, out _) && every.Unit != DurationUnit.Exact && every.Days == 0)
                    {
                        Add($"{at}.escalations[{s}].repeatEvery", "repeatEvery must be longer than zero (leave it out for a step that fires once). 重复间隔须大于零（只触发一次的步骤请删除此项）。");
                    }
                }
            }

            if (rule.Extension is { } extension)
            {
                if (extension.MaxExtensions is < 1 || extension.MaxExtensions > MaxExtensions)
                {
                    Add($"{at}.extension.maxExtensions", $"maxExtensions must be between 1 and {MaxExtensions} (leave extension out when none is allowed). 延长次数须在 1 到 {MaxExtensions} 之间（不允许延长的请删除 extension）。");
                }

                if (extension.MaxExtensions is null && !extension.LaterAmountSetByApprover)
                {
                    // Without a cap, only a collective body choosing each length (PPR Art. 64) keeps extensions lawful.
                    Add($"{at}.extension.maxExtensions", $"maxExtensions must be between 1 and {MaxExtensions}; it may be left out only when later extensions are set by their approver (laterAmountSetByApprover).");
                }

                if (extension.LaterAmountSetByApprover && extension.LaterApprover is null)
                {
                    Add($"{at}.extension.laterApprover", "laterAmountSetByApprover needs a laterApprover (the collective decision that sets the reasonable period).");
                }

                if (extension.Amount < 1 || extension.Amount > maxAmount)
                {
                    Add($"{at}.extension.amount", $"amount must be between 1 and {maxAmount}. 期限数值须在 1 到 {maxAmount} 之间。");
                }

                CheckEnum(extension.Approver, $"{at}.extension.approver", Add);
                if (extension.LaterApprover is { } later)
                {
                    CheckEnum(later, $"{at}.extension.laterApprover", Add);
                }
            }

            var kinds = rule.ExcludedIntervals ?? [];
            for (var k = 0; k < kinds.Count; k++)
            {
                CheckEnum(kinds[k], $"{at}.excludedIntervals[{k}]", Add);
            }

            if (kinds.Distinct().Count() != kinds.Count)
            {
                Add($"{at}.excludedIntervals", "Each interval kind may be listed once. 每种不计入期限的情形只能列一次。");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static void Required(string? value, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, $"{field} is required. 请填写 {field}。");
        }
    }

    private static void Duration(string? text, string field, Action<string, string> add)
    {
        if (!BusinessDuration.TryParse(text, out _, out var error))
        {
            add(field, $"{error ?? "Not a duration."} 不是有效的期限：请写工作日如 7wd、自然日如 60d，或 ISO 8601 如 P3D。");
        }
    }

    private static void CheckEnum<T>(T value, string field, Action<string, string> add)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            add(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}. {field} 须为以下之一：{string.Join("、", Enum.GetNames<T>())}。");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdForm();

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex CodeForm();
}
