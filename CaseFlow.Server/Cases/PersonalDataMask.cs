using System.Text.RegularExpressions;

namespace CaseFlow.Server.Cases;

/// <summary>
/// Masks personal data in answers by the kind of data, so no shape of number or address shows more than its kind
/// allows: a mobile number its first three and last four digits, a landline its area code and last two digits, an
/// address its administrative divisions (province, city, district, county) and never a street or number.
/// </summary>
public static partial class PersonalDataMask
{
    /// <summary>
    /// <c>13800138000</c> and <c>+86 138 0013 8000</c> → <c>138****8000</c>; <c>010-62345678</c> → <c>010-******78</c>;
    /// <c>62345678</c> → <c>******78</c>; anything of four digits or fewer is all stars.
    /// </summary>
    public static string Phone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = PhoneNumbers.Normalise(phone);
        if (digits.Length == 11 && digits[0] == '1')
        {
            return digits[..3] + "****" + digits[^4..];
        }

        if (digits.Length <= 4)
        {
            return new string('*', Math.Max(4, digits.Length));
        }

        var area = AreaCode().Match(phone.Trim());
        var prefix = area.Success ? area.Groups["area"].Value + "-" : "";
        var local = area.Success ? digits[area.Groups["area"].Value.Length..] : digits;
        return local.Length <= 4 ? prefix + new string('*', local.Length) : prefix + new string('*', local.Length - 2) + local[^2..];
    }

    /// <summary><c>110101199003071234</c> → <c>110101********1234</c>: region code and last four only.</summary>
    public static string IdNumber(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];
    }

    /// <summary>
    /// Keeps the leading administrative divisions (<c>甘肃省兰州市城关区</c>, <c>城关区</c>) and masks the rest; an address
    /// that does not start with one (<c>人民路 12 号</c>, <c>No. 5 Renmin Road</c>) shows nothing.
    /// </summary>
    public static string? Address(string? address)
    {
        if (address is null)
        {
            return null;
        }

        var divisions = Divisions().Match(address.Trim());
        return divisions.Success ? divisions.Value + "****" : "****";
    }

    /// <summary>A 3- or 4-digit area code starting with 0, then a dash or space (<c>010-</c>, <c>0931 </c>).</summary>
    [GeneratedRegex(@"^(?:\+?86[\s-]?)?(?<area>0[0-9]{2,3})[\s-]")]
    private static partial Regex AreaCode();

    /// <summary>One or more divisions, each a short name without digits or street words, ending in a division word.</summary>
    [GeneratedRegex(@"^(?:[^\d\s路街道巷弄号栋楼室村组]{1,12}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县|旗|盟|州))+")]
    private static partial Regex Divisions();
}
