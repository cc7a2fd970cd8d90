using CaseFlow.Workflows.Letters;

namespace CaseFlow.Workflows.Tests.Letters;

public class MergeTemplateTests
{
    [Fact]
    public void Render_FillsFields_AndAllowsSpacesInsideBraces()
    {
        var missing = new HashSet<string>();

        var text = MergeTemplate.Render("{{ name }}：编号{{caseNumber}}。", new Dictionary<string, string?> { ["name"] = "刘洋", ["caseNumber"] = "TS2026-000001" }, missing);

        Assert.Equal("刘洋：编号TS2026-000001。", text);
        Assert.Empty(missing);
    }

    [Fact]
    public void Render_MissingOrBlankValue_RendersPlaceholder()
    {
        var missing = new HashSet<string>();

        var text = MergeTemplate.Render("理由：{{reason}}；承办：{{officeName}}", new Dictionary<string, string?> { ["officeName"] = "  " }, missing);

        Assert.Equal("理由：【缺少：reason】；承办：【缺少：officeName】", text);
        Assert.Equal(["officeName", "reason"], missing.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("受理{{caseNumber")]
    [InlineData("受理caseNumber}}")]
    [InlineData("{{a{{b}}}}")]
    [InlineData("{{}}")]
    [InlineData("{{case-number}}")]
    public void Parse_Malformed_Throws(string template) =>
        Assert.Throws<MergeTemplateException>(() => MergeTemplate.Parse(template));

    [Fact]
    public void Parse_SingleBraces_AreLiteralText()
    {
        Assert.Equal(["x"], MergeTemplate.FieldsOf("{a} {{x}} {b}"));
    }

    [Fact]
    public void ShippedTemplates_UseOnlyTheirDeclaredFields()
    {
        var templates = ShippedLetterTemplates.All();

        Assert.Equal(8, templates.Count); // the seven first shipped, and the correction request (补正通知)
        Assert.All(templates, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Subject));
            Assert.DoesNotContain('\n', t.Subject);
            Assert.All(MergeTemplate.FieldsOf(t.Subject).Concat(MergeTemplate.FieldsOf(t.Body)), f => Assert.Contains(f, t.Fields));
        });
    }
}
