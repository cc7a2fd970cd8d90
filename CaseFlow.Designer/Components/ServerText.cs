namespace CaseFlow.Designer.Components;

/// <summary>
/// The server writes many validation messages in both languages, English first then Chinese ("x is required. 此项为必填项。");
/// this picks the part in the UI language, and leaves a message in one language as it is.
/// </summary>
public static class ServerText
{
    public static string InLanguage(string message, string culture)
    {
        ArgumentNullException.ThrowIfNull(message);
        var firstChinese = message.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff');
        if (firstChinese <= 0)
        {
            return message;
        }

        return culture == "en" ? message[..firstChinese].Trim() : message[firstChinese..].Trim();
    }
}
