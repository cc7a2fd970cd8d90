using System.Text.RegularExpressions;

namespace CaseFlow.Designer.Components;

/// <summary>
/// The server writes many validation messages in both languages in one string, English first ("x is required. 此项为必填项。")
/// or Chinese first ("请填写…。description is required…"); this picks the part in the UI language, and leaves a message
/// in one language as it is. (Task-form errors come as two messages instead, the caller's language first.)
/// </summary>
public static partial class ServerText
{
    public static string InLanguage(string message, string culture)
    {
        ArgumentNullException.ThrowIfNull(message);
        var firstChinese = message.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff');
        if (firstChinese < 0)
        {
            return message;
        }

        if (firstChinese > 0)
        {
            return culture == "en" ? message[..firstChinese].Trim() : message[firstChinese..].Trim();
        }

        // Chinese first: the English half starts after a full stop followed by a Latin letter.
        var split = EnglishAfterChinese().Match(message);
        if (!split.Success)
        {
            return message;
        }

        return culture == "en" ? message[(split.Index + split.Length)..].Trim() : message[..(split.Index + 1)].Trim();
    }

    [GeneratedRegex(@"。\s*(?=[A-Za-z])")]
    private static partial Regex EnglishAfterChinese();
}
