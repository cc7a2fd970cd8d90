using System.Text;
using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Letters;

/// <summary>
/// <c>{{field}}</c> merge fields: parsing (strict, so a legal officer learns of a typo when saving, not when a letter
/// goes out) and rendering (lenient, so a missing value shows a visible placeholder instead of failing a case).
/// </summary>
public static partial class MergeTemplate
{
    /// <summary>The text a missing value renders as; visible in the letter so nobody mistakes it for content.</summary>
    public static string Placeholder(string field) => $"【缺少：{field}】";

    /// <summary>Splits <paramref name="template"/> into literal text and merge fields.</summary>
    /// <exception cref="MergeTemplateException">Braces do not pair up or a field name is invalid.</exception>
    public static IReadOnlyList<MergeSegment> Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var segments = new List<MergeSegment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            var strayClose = template.IndexOf("}}", i, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                throw new MergeTemplateException($"'}}}}' at position {strayClose} has no matching '{{{{'.");
            }

            if (open < 0)
            {
                literal.Append(template, i, template.Length - i);
                break;
            }

            literal.Append(template, i, open - i);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nextOpen = template.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                throw new MergeTemplateException($"'{{{{' at position {open} is not closed with '}}}}'.");
            }

            var name = template[(open + 2)..close].Trim();
            if (!FieldName().IsMatch(name))
            {
                throw new MergeTemplateException($"'{{{{{name}}}}}' is not a valid merge field name (letters and digits, starting with a letter).");
            }

            if (literal.Length > 0)
            {
                segments.Add(new MergeSegment(literal.ToString(), null));
                literal.Clear();
            }

            segments.Add(new MergeSegment("", name));
            i = close + 2;
        }

        if (literal.Length > 0)
        {
            segments.Add(new MergeSegment(literal.ToString(), null));
        }

        return segments;
    }

    /// <summary>The distinct merge fields <paramref name="template"/> uses, in order of first use.</summary>
    /// <exception cref="MergeTemplateException">The template does not parse.</exception>
    public static IReadOnlyList<string> FieldsOf(string template) =>
        Parse(template).Where(s => s.Field is not null).Select(s => s.Field!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Fills the merge fields; a field without a value becomes <see cref="Placeholder"/> and is added to <paramref name="missing"/>.</summary>
    /// <exception cref="MergeTemplateException">The template does not parse.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values, ISet<string> missing)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(missing);
        var text = new StringBuilder();
        foreach (var segment in Parse(template))
        {
            if (segment.Field is null)
            {
                text.Append(segment.Text);
            }
            else if (values.TryGetValue(segment.Field, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                text.Append(value);
            }
            else
            {
                missing.Add(segment.Field);
                text.Append(Placeholder(segment.Field));
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
