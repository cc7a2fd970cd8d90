using System.Text;
using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class BpmnBytesTests
{
    private const string Body = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"p\" name=\"NAME\"/>\n</definitions>";

    [Fact]
    public void Decode_KeepsUtf8ByteForByte()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Body.Replace("NAME", "受理", StringComparison.Ordinal);

        var decoded = BpmnBytes.Decode(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(xml, decoded.Text);
        Assert.False(decoded.Reencoded);
        Assert.Equal("utf-8", decoded.SourceEncoding);
    }

    [Fact]
    public void Decode_ReportsAnInvalidUtf8Byte_WithItsLine()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Body.Replace("NAME", "Prüfung", StringComparison.Ordinal));

        var decoded = BpmnBytes.Decode(bytes);

        Assert.Null(decoded.Text);
        Assert.Equal("definitions", decoded.Error!.ElementId);
        Assert.StartsWith("Line 3, position 25: the bytes 0xFC are not valid UTF-8", decoded.Error.Message, StringComparison.Ordinal);
        Assert.Contains("第 3 行", decoded.Error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ReportsAnInvalidByteInAFileWithoutDeclaration_SuggestingToDeclareTheEncoding()
    {
        var bytes = Encoding.GetEncoding("utf-8").GetBytes(Body.Replace("NAME", "x", StringComparison.Ordinal)).Concat(new byte[] { 0xC3 }).ToArray();

        var decoded = BpmnBytes.Decode(bytes);

        Assert.Contains("no encoding declaration", decoded.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RefusesAnUnknownDeclaredEncoding()
    {
        var decoded = BpmnBytes.Decode(Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"x-klingon\"?>" + Body));

        Assert.Contains("'x-klingon'", decoded.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UsesTheHttpCharset_OnlyWhenTheFileDeclaresNone()
    {
        var gbk = CodePages(936);
        var undeclared = gbk.GetBytes(Body.Replace("NAME", "受理", StringComparison.Ordinal));
        var declared = gbk.GetBytes("<?xml version=\"1.0\" encoding=\"GBK\"?>" + Body.Replace("NAME", "受理", StringComparison.Ordinal));

        Assert.Contains("受理", BpmnBytes.Decode(undeclared, "gbk").Text, StringComparison.Ordinal);
        Assert.Contains("受理", BpmnBytes.Decode(declared, "utf-8").Text, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", BpmnBytes.Decode(declared, "utf-8").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ReadsUtf16WithoutAByteOrderMark_FromTheDeclarationsBytePattern()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Body.Replace("NAME", "受理", StringComparison.Ordinal);

        var little = BpmnBytes.Decode(Encoding.Unicode.GetBytes(xml));
        var big = BpmnBytes.Decode(Encoding.BigEndianUnicode.GetBytes(xml));

        Assert.Equal(xml.Replace("UTF-16", "UTF-8", StringComparison.Ordinal), little.Text);
        Assert.Equal(little.Text, big.Text);
    }

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
