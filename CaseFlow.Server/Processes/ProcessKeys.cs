using System.Text.RegularExpressions;

namespace CaseFlow.Server.Processes;

/// <summary>A process key is a short identifier (it appears in URLs, logs, call activities and the Designer), not text.</summary>
public static partial class ProcessKeys
{
    public const int MaxLength = 64;

    public const string Problem = "流程标识须以字母开头，由最多 64 个字母、数字、点、下划线或连字符组成。 key must start with a letter and have at most 64 letters, digits, dots, underscores or dashes.";

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
