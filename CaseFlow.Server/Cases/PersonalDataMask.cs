namespace CaseFlow.Server.Cases;

/// <summary>Masks personal data in answers: the API never shows a complainant's full phone or address by default.</summary>
public static class PersonalDataMask
{
    /// <summary><c>13800138000</c> → <c>138****8000</c>.</summary>
    public static string Phone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = phone.Trim();
        return digits.Length <= 7 ? new string('*', digits.Length) : digits[..3] + "****" + digits[^4..];
    }

    /// <summary><c>110101199003071234</c> → <c>110101********1234</c>: region code and last four only.</summary>
    public static string IdNumber(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        return idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];
    }

    /// <summary>Keeps the district part (first 6 characters) of an address.</summary>
    public static string? Address(string? address) =>
        address is null ? null : address.Length <= 6 ? "****" : address[..6] + "****";
}
