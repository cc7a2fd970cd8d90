using System.Text;

namespace CaseFlow.Server.Cases;

/// <summary>Phone numbers in one form for exact matching: ASCII digits only, without a +86 / 0086 country prefix.</summary>
public static class PhoneNumbers
{
    public static string Normalise(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string(phone.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
        var plus = phone.TrimStart().StartsWith('+') || phone.TrimStart().StartsWith('＋');
        if (plus && digits.StartsWith("86", StringComparison.Ordinal))
        {
            return digits[2..];
        }

        return digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..] : digits;
    }
}
