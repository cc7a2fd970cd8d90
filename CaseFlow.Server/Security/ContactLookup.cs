using System.Globalization;
using System.Text;

namespace CaseFlow.Server.Security;

/// <summary>
/// The forms in which contact data is compared: the same phone or address written differently must give the same
/// lookup hash, since only hashes can be compared once the values are encrypted.
/// </summary>
public static class ContactLookup
{
    /// <summary>The phone's digits as <see cref="Cases.PhoneNumbers.Normalise"/> gives them (+86 and 0086 dropped); null without digits.</summary>
    public static string? Phone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) || Cases.PhoneNumbers.Normalise(phone) is not { Length: > 0 } normal ? null : normal;

    /// <summary>Width-folded (NFKC), without white space or punctuation, lower case; null when nothing is left.</summary>
    public static string? Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var normal = new StringBuilder(address.Length);
        foreach (var c in address.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (!char.IsWhiteSpace(c) && category is not (UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.ConnectorPunctuation))
            {
                normal.Append(char.ToLowerInvariant(c));
            }
        }

        return normal.Length == 0 ? null : normal.ToString();
    }
}
