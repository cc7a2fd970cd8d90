namespace CaseFlow.Designer.Components;

/// <summary>
/// Server messages carry both languages in one string, either order ("English. 中文。" from older endpoints,
/// "中文。English." from newer ones, Chinese first as a Chinese UI reads it): this picks the part for the UI's language.
/// </summary>
public static class ServerText
{
    public static string InLanguage(string message, string culture)
    {
        ArgumentNullException.ThrowIfNull(message);
        var firstChinese = IndexOfChinese(message, fromEnd: false);
        if (firstChinese < 0)
        {
            return message;
        }

        if (firstChinese > 0)
        {
            return culture == "en" ? message[..firstChinese].Trim() : message[firstChinese..].Trim();
        }

        // Chinese first: the English part starts after the last Chinese character or full-width mark.
        var lastChinese = IndexOfChinese(message, fromEnd: true);
        var english = message[(lastChinese + 1)..].Trim();
        if (english.Length == 0)
        {
            return message;
        }

        return culture == "en" ? english : message[..(lastChinese + 1)].Trim();
    }

    private static int IndexOfChinese(string text, bool fromEnd)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var index = fromEnd ? text.Length - 1 - i : i;
            if (IsChinese(text[index]))
            {
                return index;
            }
        }

        return -1;
    }

    // CJK ideographs, CJK punctuation (、。「」) and full-width forms (，：（）).
    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';
}
