using CaseFlow.Workflows.Letters;

namespace CaseFlow.Server.Letters;

/// <summary>Checks a new template version: both parts present, braces paired, only the template's declared merge fields.</summary>
public static class LetterTemplateValidator
{
    public const int MaxSubjectLength = 500;
    public const int MaxBodyLength = 20_000;

    /// <summary>Field errors keyed <c>subject</c> / <c>body</c>; empty when the version may be saved.</summary>
    public static Dictionary<string, string[]> Validate(string code, IReadOnlyCollection<string> allowedFields, string? subject, string? body)
    {
        ArgumentNullException.ThrowIfNull(allowedFields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check("subject", subject, MaxSubjectLength);
        Check("body", body, MaxBodyLength);
        return errors;

        void Check(string part, string? text, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors[part] = [$"{part} is required. 请填写{PartZh(part)}。"];
                return;
            }

            if (text.Length > maxLength)
            {
                errors[part] = [$"{part} may have at most {maxLength} characters. {PartZh(part)}最多 {maxLength} 个字符。"];
                return;
            }

            if (part == "subject" && text.Contains('\n', StringComparison.Ordinal))
            {
                errors[part] = ["subject must be a single line. 标题只能有一行。"];
                return;
            }

            IReadOnlyList<string> used;
            try
            {
                used = MergeTemplate.FieldsOf(text);
            }
            catch (MergeTemplateException ex)
            {
                errors[part] = [$"{part} has unbalanced merge braces: {ex.Message} {PartZh(part)}中的合并字段括号不配对。"];
                return;
            }

            var unknown = used.Where(f => !allowedFields.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                errors[part] = [.. unknown.Select(f =>
                    $"{part} uses the merge field {{{{{f}}}}}, which template {code} does not declare; allowed: {string.Join(", ", allowedFields)}. {PartZh(part)}使用了合并字段 {{{{{f}}}}}，但文书模板 {code} 没有声明该字段；可用字段：{string.Join("、", allowedFields)}。")];
            }
        }
    }

    /// <summary>The part of a letter in Chinese, for the second half of a bilingual message.</summary>
    internal static string PartZh(string part) => part == "subject" ? "标题" : "正文";
}
