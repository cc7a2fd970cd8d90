using System.Globalization;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Reduces a client's file name to a label that is safe to show and to put in a Content-Disposition header. It is never
/// used as a path: stored files are named by their document id.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 200;

    private const string Fallback = "document";

    private static readonly char[] Unsafe = ['"', '*', ':', '<', '>', '?', '|'];

    public static string From(string? raw)
    {
        // Browsers on Windows send "C:\Users\..\x.pdf"; a hostile client sends "../../etc/passwd". Keep the last segment only.
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && !Unsafe.Contains(c))]).Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Fallback;
        }

        return name.Length <= MaxLength ? name : name[..MaxLength];
    }

    /// <summary>
    /// True when the client's name holds a control or invisible formatting character (a right-to-left override such
    /// as U+202E makes <c>证据\u202Etxt.bat</c> display as <c>证据tab.txt</c>): such a name is refused, not cleaned.
    /// </summary>
    public static bool HasHiddenCharacters(string? raw) =>
        raw is not null && raw.Any(c => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    /// <summary>
    /// <paramref name="name"/> with an extension that matches <paramref name="contentType"/> (the type read from the
    /// bytes): <c>调解书.hta</c> stored as text becomes <c>调解书.hta.txt</c>, so no download opens as a script or program.
    /// </summary>
    public static string ForContent(string name, string contentType)
    {
        ArgumentNullException.ThrowIfNull(name);
        var allowed = contentType switch
        {
            ContentSniffer.Pdf => [".pdf"],
            ContentSniffer.Png => [".png"],
            ContentSniffer.Jpeg => [".jpg", ".jpeg"],
            ContentSniffer.Docx => [".docx"],
            ContentSniffer.Xlsx => [".xlsx"],
            ContentSniffer.Text => [".txt", ".csv", ".log", ".md"],
            _ => Array.Empty<string>(),
        };
        var extension = Path.GetExtension(name);
        if (allowed.Length == 0)
        {
            return name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) ? name : name + ".bin";
        }

        if (allowed.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        var safe = name + allowed[0];
        return safe.Length <= MaxLength + 5 ? safe : name[..MaxLength] + allowed[0];
    }
}
