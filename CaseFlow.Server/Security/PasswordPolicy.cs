namespace CaseFlow.Server.Security;

/// <summary>
/// Rules for a new or changed password (ASVS 2.1 / NIST 800-63B): at least 12 characters, at most 128, not a
/// well-known password, not the user name. No composition rules: they make passwords harder to remember, not to guess.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>Passwords of 12+ characters that lead the published breach lists, and the local favourites.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
        "qwertyuiopas", "qwertyuiop123", "qwerty123456", "1qaz2wsx3edc", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
        "password1234", "password12345", "passw0rd1234", "password123!", "iloveyou1234", "abc123456789",
        "abcdefghijkl", "aaaaaaaaaaaa", "asdfghjkl123", "zxcvbnm12345", "welcome12345", "letmein12345",
        "administrator", "admin1234567", "admin@123456", "changeme1234", "woaini123456", "woaini520520",
        "5201314520131", "caseflow-demo", "caseflow1234", "caseflow12345", "qazwsxedcrfv", "football1234",
        "monkey123456", "dragon123456", "sunshine1234", "princess1234", "trustno11234", "baseball1234",
        "superman1234", "michael12345", "shadow123456", "master123456", "987654321098", "zaq12wsxcde3",
    };

    /// <summary>Null when acceptable; otherwise the reason, for a ProblemDetails field error.</summary>
    public static string? Check(string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"The password must have at least {MinLength} characters. 密码至少 {MinLength} 个字符。";
        }

        if (password.Length > MaxLength)
        {
            return $"The password must have at most {MaxLength} characters.";
        }

        if (Common.Contains(password) || password.Distinct().Count() < 4)
        {
            return "This password is too common; choose another. 该密码过于常见，请另选。";
        }

        return string.Equals(password, userName, StringComparison.OrdinalIgnoreCase) ? "The password must not be the user name." : null;
    }
}
