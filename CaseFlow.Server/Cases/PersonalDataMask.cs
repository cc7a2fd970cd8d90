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

    /// <summary>Keeps the district part (first 6 characters) of an address.</summary>
    public static string? Address(string? address) =>
        address is null ? null : address.Length <= 6 ? "****" : address[..6] + "****";
}
