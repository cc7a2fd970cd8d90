using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Workflows.Letters;

namespace CaseFlow.Server.Letters;

/// <summary>
/// Who a letter template is addressed to, and the rule that follows: the complainant's identity (any merge field
/// naming the complainant: name, phone, address, ID number, email) never goes into a letter to the respondent.
/// </summary>
public static class LetterAddressees
{
    public const string Complainant = "complainant";
    public const string Respondent = "respondent";
    public const string Police = "police";
    public const string Internal = "internal";

    /// <summary>What a complainant field renders as in a respondent letter that a hand-edited database still lets through.</summary>
    public const string Withheld = "【已隐去】";

    public static IReadOnlyList<string> All { get; } = [Complainant, Respondent, Police, Internal];

    /// <summary>The shipped templates' addressees; a template not listed here is addressed to the complainant.</summary>
    private static readonly Dictionary<string, string> Shipped = new(StringComparer.Ordinal)
    {
        ["police-transfer-letter"] = Police,
        ["escalation"] = Internal,
        ["deadline-warning"] = Internal,
    };

    /// <summary>The version's addressee, or the shipped one for versions stored before the marker existed.</summary>
    public static string Of(StoredLetterTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.AddressedTo ?? ShippedFor(template.Code);
    }

    public static string ShippedFor(string code) => Shipped.GetValueOrDefault(code, Complainant);

    /// <summary>Whether a merge field carries the complainant's identity.</summary>
    public static bool IsComplainantField(string field) =>
        field is not null && field.StartsWith("complainant", StringComparison.OrdinalIgnoreCase);

    /// <summary>Field errors (keyed subject/body) for complainant fields in a template addressed to the respondent.</summary>
    public static Dictionary<string, string[]> Check(string addressedTo, string? subject, string? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (addressedTo != Respondent)
        {
            return errors;
        }

        foreach (var (part, text) in new[] { ("subject", subject), ("body", body) })
        {
            var used = FieldsOrEmpty(text).Where(IsComplainantField).Distinct(StringComparer.Ordinal).ToList();
            if (used.Count > 0)
            {
                errors[part] = [.. used.Select(f =>
                    $"{part} uses the merge field {{{{{f}}}}}, but this template is addressed to the respondent: the complainant's identity never goes to the respondent. {LetterTemplateValidator.PartZh(part)}使用了合并字段 {{{{{f}}}}}，但此文书发给被投诉人：投诉人的身份信息不得告知被投诉人。")];
            }
        }

        return errors;
    }

    private static IReadOnlyList<string> FieldsOrEmpty(string? text)
    {
        try
        {
            return string.IsNullOrEmpty(text) ? [] : MergeTemplate.FieldsOf(text);
        }
        catch (MergeTemplateException)
        {
            return []; // reported by the template validator
        }
    }
}
