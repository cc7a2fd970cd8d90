using System.IO.Compression;

namespace CaseFlow.Server.Documents;

/// <summary>
/// Decides what a file is from its bytes, never from its name: PDF, PNG, JPEG, DOCX and XLSX (ZIP packages with the
/// part that makes them one), or UTF-8 text. Anything else is refused.
/// </summary>
public static class ContentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain";

    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 8;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpg"] = Jpeg,
        ["image/pjpeg"] = Jpeg,
    };

    /// <summary>The allowed types, for error messages.</summary>
    public static string AllowedList => "PDF, PNG, JPEG, DOCX, XLSX or UTF-8 plain text";

    /// <summary>The content type of the file at <paramref name="path"/>, or null when it is none of the allowed types.</summary>
    /// <param name="head">The file's first bytes (up to <see cref="HeadLength"/>).</param>
    /// <param name="isUtf8Text">Whether the whole file passed <see cref="Utf8TextCheck"/>.</param>
    /// <param name="path">The file, opened again only for a ZIP package.</param>
    public static string? Detect(ReadOnlySpan<byte> head, bool isUtf8Text, string path)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return OfficePackage(path);
        }

        return isUtf8Text && head.Length > 0 ? Text : null;
    }

    /// <summary>
    /// True when the client declared nothing specific (none, or application/octet-stream) or declared the type found.
    /// Parameters such as <c>charset</c> are ignored; the text check already requires UTF-8.
    /// </summary>
    public static bool Agrees(string? declared, string detected)
    {
        var type = (declared ?? "").Split(';')[0].Trim();
        if (type.Length == 0 || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(Aliases.GetValueOrDefault(type, type), detected, StringComparison.OrdinalIgnoreCase);
    }

    private static string? OfficePackage(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null; // a ZIP signature with a broken archive behind it
        }
    }
}
