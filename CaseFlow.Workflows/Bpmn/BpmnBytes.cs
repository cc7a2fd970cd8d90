using System.Text;
using System.Text.RegularExpressions;

namespace CaseFlow.Workflows.Bpmn;

/// <summary>Turns the bytes of an uploaded BPMN file into text the way XML 1.0 (Appendix F) says to.</summary>
/// <remarks>
/// Modelers save in whatever their platform likes: a UTF-8 byte-order mark (Windows tools), UTF-16 (Visio add-ins),
/// ISO-8859-1 or windows-1252 (older Java and Windows tools), GB18030/GBK (Chinese Windows). The byte-order mark
/// decides first, then the byte pattern of <c>&lt;?xml</c> (UTF-16 without a mark), then the declaration's
/// <c>encoding</c>, then the HTTP charset, and UTF-8 last. A byte that is not valid in the chosen encoding is an
/// error naming the line, never a silent U+FFFD. The text that comes out declares <c>UTF-8</c>, because that is how
/// it is stored and served back.
/// </remarks>
public static partial class BpmnBytes
{
    static BpmnBytes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="charset"/> is the HTTP Content-Type charset, if any.</summary>
    public static BpmnDecoding Decode(ReadOnlySpan<byte> bytes, string? charset = null)
    {
        var (encoding, skip, fromBytes) = Sniff(bytes);
        string? declared = null;
        if (!fromBytes)
        {
            declared = DeclaredEncoding(bytes);
            var name = declared ?? (string.IsNullOrWhiteSpace(charset) ? null : charset.Trim().Trim('"'));
            if (name is not null)
            {
                encoding = Resolve(name);
                if (encoding is null)
                {
                    return Failure(name, declared is not null
                        ? new ValidationError(BpmnNames.Definitions, $"The XML declaration names the encoding '{name}', which CaseFlow does not know. Save the file as UTF-8, or declare a known encoding such as UTF-8, UTF-16, GB18030, GBK, ISO-8859-1 or windows-1252.")
                        {
                            MessageZh = $"XML 声明中的编码“{name}”无法识别。请将文件另存为 UTF-8，或声明已知编码，如 UTF-8、UTF-16、GB18030、GBK、ISO-8859-1、windows-1252。",
                        }
                        : new ValidationError(BpmnNames.Definitions, $"The Content-Type charset '{name}' is not an encoding CaseFlow knows. Send the file as UTF-8 (charset=utf-8) or leave the charset out.")
                        {
                            MessageZh = $"Content-Type 中的字符集“{name}”无法识别。请以 UTF-8 发送（charset=utf-8），或不写 charset。",
                        });
                }
            }
        }

        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        var body = bytes[skip..];
        string text;
        try
        {
            text = strict.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            return Failure(encoding.WebName, InvalidBytes(encoding, body, ex, declared is not null));
        }

        var rewritten = DeclareUtf8(text);
        var reencoded = skip > 0 || encoding.CodePage != Encoding.UTF8.CodePage || !ReferenceEquals(rewritten, text);
        return new BpmnDecoding(rewritten, encoding.WebName, null) { Reencoded = reencoded };
    }

    private static BpmnDecoding Failure(string encoding, ValidationError error) => new(null, encoding, error);

    /// <summary>A byte-order mark or the UTF-16 pattern of <c>&lt;?</c>; otherwise UTF-8 until the declaration says more.</summary>
    private static (Encoding Encoding, int Skip, bool FromBytes) Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false), 3, true);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new UTF32Encoding(false, false), 4, true);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(false, false), 2, true);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(true, false), 2, true);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00]))
        {
            return (new UnicodeEncoding(false, false), 0, true);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F]))
        {
            return (new UnicodeEncoding(true, false), 0, true);
        }

        return (new UTF8Encoding(false), 0, false);
    }

    /// <summary>The <c>encoding</c> of the XML declaration, read as ASCII (every encoding allowed here is ASCII-compatible there).</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 512)];
        var end = head.IndexOf("?>"u8);
        if (!head.StartsWith("<?xml"u8) || end < 0)
        {
            return null;
        }

        var declaration = Encoding.ASCII.GetString(head[..end]);
        var match = EncodingAttribute().Match(declaration);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>The encoding for a declared name; UTF-16 without a mark in an ASCII-looking file is not what it says, so it is read as UTF-8.</summary>
    private static Encoding? Resolve(string name)
    {
        var normal = name.Trim().ToUpperInvariant();
        try
        {
            return normal switch
            {
                "UTF-8" or "UTF8" => new UTF8Encoding(false),
                "UTF-16" or "UTF-16LE" or "UTF-16BE" or "UCS-2" => new UTF8Encoding(false),
                "GBK" or "GB2312" or "CP936" or "X-GBK" => Encoding.GetEncoding(936),
                "LATIN1" or "LATIN-1" or "ISO8859-1" or "ISO_8859-1" => Encoding.Latin1,
                _ => Encoding.GetEncoding(name.Trim()),
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ValidationError InvalidBytes(Encoding encoding, ReadOnlySpan<byte> body, DecoderFallbackException ex, bool declared)
    {
        var index = Math.Clamp(ex.Index, 0, body.Length);
        var before = encoding.GetString(body[..index]);
        var line = 1 + before.Count(c => c == '\n');
        var column = before.Length - before.LastIndexOf('\n');
        var hex = string.Join(" ", (ex.BytesUnknown ?? []).Select(b => $"0x{b:X2}"));
        var name = encoding.WebName.ToUpperInvariant();
        var advice = declared
            ? $"the file is not in the {name} its XML declaration names. Save it again as UTF-8, or correct encoding=\"...\" in the first line."
            : $"the file has no encoding declaration, so it is read as {name}. Save it as UTF-8, or declare its encoding in the first line, e.g. <?xml version=\"1.0\" encoding=\"GB18030\"?>.";
        var adviceZh = declared
            ? $"文件的实际编码与 XML 声明中的 {name} 不符。请另存为 UTF-8，或更正第一行的 encoding=\"...\"。"
            : $"文件没有编码声明，因此按 {name} 读取。请另存为 UTF-8，或在第一行声明编码，例如 <?xml version=\"1.0\" encoding=\"GB18030\"?>。";
        return new ValidationError(BpmnNames.Definitions, $"Line {line}, position {column}: the bytes {hex} are not valid {name}; {advice}")
        {
            MessageZh = $"第 {line} 行第 {column} 列：字节 {hex} 不是有效的 {name}；{adviceZh}",
        };
    }

    /// <summary>Makes the XML declaration (if any) say UTF-8, the encoding the text is stored and served in.</summary>
    private static string DeclareUtf8(string text)
    {
        if (!text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return text;
        }

        var end = text.IndexOf("?>", StringComparison.Ordinal);
        if (end < 0)
        {
            return text;
        }

        var declaration = text[..end];
        var match = EncodingAttribute().Match(declaration);
        if (!match.Success || string.Equals(match.Groups["name"].Value, "UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var group = match.Groups["name"];
        return string.Concat(text.AsSpan(0, group.Index), "UTF-8", text.AsSpan(group.Index + group.Length));
    }

    [GeneratedRegex("""\sencoding\s*=\s*["'](?<name>[A-Za-z][A-Za-z0-9._\-]*)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingAttribute();
}
