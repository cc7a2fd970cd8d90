using System.Text.Json.Nodes;
using CaseFlow.Workflows.Runtime;
using CaseFlow.Workflows.Tests.Support;
using static CaseFlow.Workflows.Tests.Support.Bpmn;

namespace CaseFlow.Workflows.Tests.Runtime;

public class ServiceTaskTests
{
    private readonly EngineHarness _harness = new();

    private static string Service(string activity, string inputs) => Definitions($"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="svc" caseflow:activity="{activity}"><bpmn:extensionElements>{inputs}</bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:endEvent id="end" />
        {Flow("f1", "start", "svc")}
        {Flow("f2", "svc", "end")}
        """);

    private const string MailInputs = """
        <caseflow:input name="to" expression="complainant.email" />
        <caseflow:input name="subject" expression="'Case ' + caseNumber + ' accepted'" />
        <caseflow:input name="body" value="Your complaint has been accepted." />
        """;

    [Fact]
    public void SendEmail_AddsEffectWithIdempotencyKey()
    {
        var graph = _harness.Graph(Service("SendEmail", MailInputs));
        var variables = new JsonObject { ["caseNumber"] = "C-1", ["complainant"] = new JsonObject { ["email"] = "li@example.com" } };

        var result = _harness.Start(graph, variables);

        var mail = Assert.IsType<SendEmailEffect>(Assert.Single(result.Effects));
        Assert.Equal("li@example.com", mail.To);
        Assert.Equal("Case C-1 accepted", mail.Subject);
        Assert.Equal("Your complaint has been accepted.", mail.Body);
        Assert.Equal("svc", mail.ElementId);
        Assert.Matches($"^{result.Instance.Id}:svc:[0-9a-f-]{{36}}$", mail.IdempotencyKey);
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Fact]
    public void SendEmail_SkipsWithHistoryNote_WhenAddressIsEmpty()
    {
        var graph = _harness.Graph(Service("SendEmail", MailInputs));
        var variables = new JsonObject { ["caseNumber"] = "C-1", ["complainant"] = new JsonObject { ["email"] = null } };

        var result = _harness.Start(graph, variables);

        Assert.Empty(result.Effects);
        Assert.Contains(result.History, h => h.Event == "ActivityNote" && h.ElementId == "svc");
        Assert.Equal(InstanceStatus.Completed, result.Instance.Status);
    }

    [Fact]
    public void SetCaseStatus_AddsStatusEffect()
    {
        var graph = _harness.Graph(Service("SetCaseStatus", """<caseflow:input name="status" value="accepted" /><caseflow:input name="reason" value="Meets Art. 15" />"""));

        var effect = Assert.IsType<SetCaseStatusEffect>(Assert.Single(_harness.Start(graph).Effects));

        Assert.Equal("Accepted", effect.Status);
        Assert.Equal("Meets Art. 15", effect.Reason);
    }

    [Fact]
    public void AssignToOffice_AddsEffectAndSetsOfficeVariable()
    {
        var graph = _harness.Graph(Service("AssignToOffice", """<caseflow:input name="officeId" expression="district == 'north' ? 'office-1' : 'office-2'" />"""));

        var result = _harness.Start(graph, new JsonObject { ["district"] = "north" });

        Assert.Equal("office-1", Assert.IsType<AssignOfficeEffect>(Assert.Single(result.Effects)).OfficeId);
        Assert.Equal("office-1", (string?)result.Instance.Variables["officeId"]);
    }

    [Fact]
    public void AddTimelineEntry_AddsTimelineEffect()
    {
        var graph = _harness.Graph(Service("AddTimelineEntry", """<caseflow:input name="event" value="Mediation started" />"""));

        var effect = Assert.IsType<CaseTimelineEffect>(Assert.Single(_harness.Start(graph).Effects));

        Assert.Equal("Mediation started", effect.Event);
        Assert.Null(effect.Details);
    }

    [Fact]
    public void ServiceTask_RaisesActivityFailedIncident_WhenActivityThrows()
    {
        var graph = _harness.Graph(Service("ExplodingActivity", """<caseflow:input name="reason" value="mail server on fire" />"""));

        var result = _harness.Start(graph);

        Assert.Equal(InstanceStatus.Faulted, result.Instance.Status);
        Assert.Equal(new Incident("svc", "ActivityFailed", result.Instance.Incident!.Message), result.Instance.Incident);
        Assert.Contains("mail server on fire", result.Instance.Incident.Message, StringComparison.Ordinal);
        Assert.Equal(["svc"], result.Instance.ActiveElementIds);
        Assert.Empty(result.Effects);
    }

    [Fact]
    public void ServiceTask_RaisesActivityFailedIncident_WhenExpressionYieldsInvalidStatus()
    {
        var graph = _harness.Graph(Service("SetCaseStatus", """<caseflow:input name="status" expression="'Teleported'" />"""));

        var result = _harness.Start(graph);

        Assert.Equal("ActivityFailed", result.Instance.Incident!.Kind);
        Assert.Contains("Teleported", result.Instance.Incident.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceTask_GivesEachLoopIterationItsOwnIdempotencyKey()
    {
        var graph = _harness.Graph(Definitions($"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="merge" />
            <bpmn:serviceTask id="svc" caseflow:activity="SendEmail"><bpmn:extensionElements>
              <caseflow:input name="to" value="x@example.com" /><caseflow:input name="subject" value="s" /><caseflow:input name="body" value="b" />
            </bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="ask" />
            <bpmn:exclusiveGateway id="gw" default="done" />
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "merge")}
            {Flow("f2", "merge", "svc")}
            {Flow("f3", "svc", "ask")}
            {Flow("f4", "ask", "gw")}
            {Flow("again", "gw", "merge", "outcome == 'again'")}
            {Flow("done", "gw", "end")}
            """));
        var started = _harness.Start(graph);

        var again = _harness.Engine.CompleteUserTask(graph, started.Instance, EngineHarness.Single(started.Instance, "ask").Id, new JsonObject { ["outcome"] = "again" }, null);

        var first = Assert.IsType<SendEmailEffect>(Assert.Single(started.Effects));
        var second = Assert.IsType<SendEmailEffect>(Assert.Single(again.Effects));
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
    }
}
