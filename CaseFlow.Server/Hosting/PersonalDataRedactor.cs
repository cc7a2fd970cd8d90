using System.Text.RegularExpressions;

namespace CaseFlow.Server.Hosting;

/// <summary>
/// Takes personal data out of a log line before it is written: the values of personal-data query parameters
/// (<c>idNumber=</c>, <c>phone=</c>, ...) anywhere in the line (ASP.NET Core's request lines and their
/// <c>QueryString</c> property included), and, as a net under that, anything shaped like a resident ID number or a
/// mainland mobile number.
/// </summary>
public static partial class PersonalDataRedactor
{
    public static string Redact(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length < 11)
        {
            return line;
        }

        var redacted = QueryValue().Replace(line, m => m.Groups["name"].Value + m.Groups["eq"].Value + "***");
        redacted = IdNumber().Replace(redacted, m => m.Value[..6] + new string('*', m.Value.Length - 10) + m.Value[^4..]);
        return Mobile().Replace(redacted, m => m.Value[..^8] + "****" + m.Value[^4..]);
    }

    /// <summary><c>name=value</c> or <c>name%3Dvalue</c> for the personal-data parameters, up to the next separator.</summary>
    [GeneratedRegex(@"(?<name>\b(?:idNumber|idCard|phone|mobile|tel|email|complainantPhone|complainantIdNumber|complainantEmail|complainantAddress|address))(?<eq>=|%3D)[^&\s""'#\\]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex QueryValue();

    /// <summary>An 18-character resident ID number (region, a 19xx/20xx birth date, sequence, check character).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex IdNumber();

    /// <summary>A mainland mobile number, with or without +86.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:\+?86[- ]?)?1[3-9][0-9]{9}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Mobile();
}
