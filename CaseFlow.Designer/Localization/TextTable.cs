namespace CaseFlow.Designer.Localization;

/// <summary>
/// The UI's strings in one language. A missing key shows the key itself, so a forgotten translation is visible
/// instead of silently blank.
/// </summary>
public sealed class TextTable(string culture, IReadOnlyDictionary<string, string> strings)
{
    public string Culture { get; } = culture;

    public string this[string key] => strings.TryGetValue(key, out var text) ? text : key;

    /// <summary>The label of a server code (an outcome, a status): its translation if the table has one, else the code.</summary>
    public string Label(string prefix, string code) => strings.TryGetValue(prefix + "." + code, out var text) ? text : code;

    /// <summary>A string with <c>{0}</c>-style placeholders filled in.</summary>
    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);
}
