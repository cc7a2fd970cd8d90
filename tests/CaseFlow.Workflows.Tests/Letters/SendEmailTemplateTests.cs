using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Letters;

public class SendEmailTemplateTests
{
    private readonly EngineHarness _harness = new();

    private static string Service(string inputs) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="svc" caseflow:activity="SendEmail"><bpmn:extensionElements>{inputs}</bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "svc")}
        {Flow("f2", "svc", "end")}
        """);

    [Fact]
    public void SendEmail_WithTemplate_CarriesTheCodeFieldsAndVariables()
    {
        var graph = _harness.Graph(Service("""
            <caseflow:input name="to" value="li@example.com" />
            <caseflow:input name="template" value="refusal" />
            <caseflow:input name="fields" expression="({ reason: refusalReason })" />
            """));

        var result = _harness.Start(graph, new JsonObject { ["refusalReason"] = "超过三年", ["caseNumber"] = "TS-1" });

        var mail = Assert.IsType<SendEmailEffect>(Assert.Single(result.Effects));
        Assert.Equal("refusal", mail.Template);
        Assert.Equal("超过三年", (string)mail.TemplateFields!["reason"]!);
        Assert.Equal("TS-1", (string)mail.Variables!["caseNumber"]!);
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Theory]
    [InlineData("""<caseflow:input name="to" value="a@b.c" /><caseflow:input name="template" value="no-such-letter" />""", "no-such-letter")]
    [InlineData("""<caseflow:input name="to" value="a@b.c" /><caseflow:input name="template" expression="''" />""", "either a template")]
    [InlineData("""<caseflow:input name="to" value="a@b.c" /><caseflow:input name="template" value="refusal" /><caseflow:input name="fields" value="reason" />""", "fields")]
    public void SendEmail_Misconfigured_RaisesAnIncidentNamingTheProblem(string inputs, string expected)
    {
        var graph = _harness.Graph(Service(inputs));

        var result = _harness.Start(graph, []);

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Contains(expected, result.Instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Empty(result.Effects);
    }
}
