using System.Text;

namespace CaseFlow.Server.Documents;

/// <summary>Checks, chunk by chunk while a file streams in, that it is UTF-8 text: valid sequences and no binary control bytes.</summary>
internal sealed class Utf8TextCheck
{
    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();

    public bool IsText { get; private set; } = true;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (!IsText)
        {
            return;
        }

        foreach (var b in chunk)
        {
            // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text files; other C0 bytes mean binary.
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1B) || b == 0x7F)
            {
                IsText = false;
                return;
            }
        }

        Decode(chunk, flush: false);
    }

    /// <summary>Ends the check; a sequence cut off at the end makes the file not text.</summary>
    public bool Finish()
    {
        Decode([], flush: true);
        return IsText;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (!IsText)
        {
            return;
        }

        try
        {
            decoder.GetCharCount(bytes, flush);
        }
        catch (DecoderFallbackException)
        {
            IsText = false;
        }
    }
}
