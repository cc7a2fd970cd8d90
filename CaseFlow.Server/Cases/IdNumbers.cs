using System.Text;
using System.Text.RegularExpressions;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Resident ID numbers (居民身份证号码) in one form: full-width digits and letters become ASCII (NFKC), spaces go,
/// <c>x</c> becomes <c>X</c>. Any other non-ASCII digit is refused, so the number stored is the number searched.
/// </summary>
public static partial class IdNumbers
{
    public static string Normalise(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return idNumber.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    /// <summary>18 characters (17 ASCII digits and a digit or X) or the old 15 digits, after <see cref="Normalise"/>.</summary>
    public static bool IsValid(string? idNumber) => idNumber is not null && Pattern().IsMatch(Normalise(idNumber));

    [GeneratedRegex("^([0-9]{17}[0-9X]|[0-9]{15})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
