using System.Text.Json.Nodes;
using CaseFlow.Forms;

namespace CaseFlow.Workflows.Tests.Forms;

public class FormSchemaReaderTests
{
    private const string Form = """
        {"type": "default", "id": "f", "schemaVersion": 18, "components": [
          {"type": "text", "text": "说明"},
          {"type": "radio", "key": "outcome", "label": "结果", "values": [{"label": "通过", "value": "ok"}, {"label": "退回", "value": "back"}]},
          {"type": "group", "label": "金额", "components": [
            {"type": "number", "key": "fine", "label": "罚款（元）", "properties": {"caseflow:money": "yuan", "caseflow:requiredFor": "ok"}}
          ]},
          {"type": "select", "key": "office", "label": "监管所", "properties": {"caseflow:directory": "office"}},
          {"type": "checklist", "key": "items", "label": "材料", "values": [{"label": "甲", "value": "a"}, {"label": "乙", "value": "b"}]},
          {"type": "datetime", "key": "day", "label": "日期", "subtype": "date", "conditional": {"hide": "=outcome = \"back\""}, "validate": {"required": true}}
        ]}
        """;

    private static FormSchema Read(string json, List<FormProblem>? problems = null) =>
        FormSchemaReader.Read(json, ["ok", "back"], problems ?? [])!;

    [Fact]
    public void Read_FlattensGroups_AndKeepsTheOutcomeChoiceApart()
    {
        var problems = new List<FormProblem>();
        var form = Read(Form, problems);

        Assert.Empty(problems);
        Assert.Equal(["fine", "office", "items", "day"], form.Fields.Select(f => f.Key));
        Assert.Equal("退回", form.OutcomeLabel("back"));
        Assert.True(form.Field("fine")!.IsRequiredFor("ok"));
        Assert.False(form.Field("fine")!.IsRequiredFor("back"));
    }

    [Fact]
    public void Check_EnforcesTypesOptionsDirectoryAndHiding()
    {
        var form = Read(Form);
        var context = new FormCheckContext(new HashSet<string> { "office-1" }, null, null);

        var (errors, _) = FormValidator.Check(form, "ok", JsonNode.Parse("""{"fine": 10.005, "office": "office-9", "items": ["a", "z"], "day": "2026/07/01", "extra": 1}""")!.AsObject(), context);
        Assert.Equal(["variables.day", "variables.extra", "variables.fine", "variables.items", "variables.office"], errors.Keys.Order(StringComparer.Ordinal));

        var (none, values) = FormValidator.Check(form, "back", JsonNode.Parse("""{"items": ["a"], "day": "bad but hidden"}""")!.AsObject(), context);
        Assert.Empty(none);
        Assert.Equal("""{"items":["a"]}""", values.ToJsonString());
    }

    [Fact]
    public void Localized_UsesEnglishLabels_AndFillsDirectoryOptions()
    {
        var form = Read("""{"components": [{"type": "select", "key": "office", "label": "监管所", "properties": {"caseflow:directory": "office", "caseflow:label.en": "Office"}}]}""");

        var schema = form.Localized("en", _ => [new FormOption("office-1", "城关所")]);

        Assert.Equal("Office", (string)schema["components"]![0]!["label"]!);
        Assert.Equal("office-1", (string)schema["components"]![0]!["values"]![0]!["value"]!);
        Assert.Equal("监管所", (string)form.ToJson()["components"]![0]!["label"]!);
    }

    [Theory]
    [InlineData("""{"components": [{"type": "textfield", "label": "无键"}]}""", "needs a key")]
    [InlineData("""{"components": [{"type": "select", "key": "s", "label": "选"}]}""", "has no options")]
    [InlineData("""{"components": [{"type": "radio", "key": "outcome", "label": "结果", "values": [{"label": "通过", "value": "ok"}]}]}""", "exactly the task's outcomes")]
    [InlineData("""{"components": [{"type": "textfield", "key": "a", "label": "甲", "conditional": {"hide": "=b = 1"}}]}""", "not a field of this form")]
    [InlineData("""{"components": [{"type": "textfield", "key": "a", "label": "甲", "validate": {"pattern": "("}}]}""", "not a valid regular expression")]
    [InlineData("""{"components": [{"type": "textfield", "key": "a", "label": "甲", "properties": {"caseflow:money": "yuan"}}]}""", "is for number fields")]
    [InlineData("""not json""", "not valid JSON")]
    public void Read_ReportsProblems(string json, string expected)
    {
        var problems = new List<FormProblem>();
        FormSchemaReader.Read(json, ["ok", "back"], problems);

        Assert.Contains(problems, p => p.Message.Contains(expected, StringComparison.Ordinal));
    }
}
