using System.Text;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class BpmnParserSecurityTests
{
    private readonly EngineHarness _harness = new();

    [Fact]
    public void Parse_RefusesMalformedXml_AsDefinitionsError()
    {
        var result = _harness.Parser.Parse("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\">");

        var error = Assert.Single(result.Errors);
        Assert.Equal("definitions", error.ElementId);
        Assert.Contains("not well-formed", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Graph);
    }

    [Fact]
    public void Parse_RefusesExternalEntity_WithoutReadingTheFile()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"caseflow-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secretFile, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file://{secretFile}">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
                  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="start" name="&e;" /></bpmn:process>
                </bpmn:definitions>
                """;

            var result = _harness.Parser.Parse(xml);

            var error = Assert.Single(result.Errors);
            Assert.Equal("definitions", error.ElementId);
            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
            Assert.Null(result.Graph);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Parse_RefusesEtcPasswdEntity_AsDefinitionsError()
    {
        const string xml = """<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">&e;</bpmn:process></bpmn:definitions>""";

        var result = _harness.Parser.Parse(xml);

        Assert.Equal("definitions", Assert.Single(result.Errors).ElementId);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("root:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RefusesNonBpmnRoot()
    {
        var result = _harness.Parser.Parse("<definitions><process id=\"p\" /></definitions>");

        var error = Assert.Single(result.Errors);
        Assert.Equal("definitions", error.ElementId);
        Assert.Contains("not BPMN 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesDeeplyNestedDocument()
    {
        var xml = Definitions($"<bpmn:documentation>{string.Concat(Enumerable.Repeat("<a>", 100))}{string.Concat(Enumerable.Repeat("</a>", 100))}</bpmn:documentation>");

        var error = Assert.Single(_harness.Parser.Parse(xml).Errors);
        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesDocumentWithTooManyElements()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 10_001; i++)
        {
            body.Append("<x/>");
        }

        var xml = Definitions($"<bpmn:documentation>{body}</bpmn:documentation>");

        var error = Assert.Single(_harness.Parser.Parse(xml).Errors);
        Assert.Contains("too many elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesHugeDocument_BeforeParsing()
    {
        var xml = Definitions($"<bpmn:documentation>{new string('x', 6 * 1024 * 1024)}</bpmn:documentation>");

        var error = Assert.Single(_harness.Parser.Parse(xml).Errors);
        Assert.Equal("definitions", error.ElementId);
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
    }
}
