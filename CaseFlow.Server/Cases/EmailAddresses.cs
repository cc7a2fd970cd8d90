using System.Net.Mail;

namespace CaseFlow.Server.Cases;

/// <summary>
/// One email address, as an address: no display name (<c>"x" &lt;a@b&gt;</c>), no list (<c>a@x.org, b@y.org</c>), no
/// whitespace or quotes. What is stored is exactly what a letter is sent to.
/// </summary>
public static class EmailAddresses
{
    public const string Problem = "电子邮箱须为单个邮箱地址（不含姓名、逗号或分号）。 Give exactly one email address, without a display name, commas or semicolons.";

    public static bool IsSingleAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length > 254 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"' or '(' or ')' or '[' or ']' or '\\'))
        {
            return false;
        }

        return MailAddress.TryCreate(text, out var parsed)
            && string.IsNullOrEmpty(parsed.DisplayName)
            && string.Equals(parsed.Address, text, StringComparison.Ordinal)
            && text.Count(c => c == '@') == 1
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
