using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Letters;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// <c>SendEmail</c> with a <c>template</c> input: the outbox row holds the current template version rendered with the
/// case's data (including changes made earlier in the same command) and the process variables.
/// </summary>
public sealed class TemplatedEmailTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>, IAsyncLifetime
{
    private const string Complaint = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:caseflow="urn:caseflow:bpmn:1" id="d" targetNamespace="urn:test">
          <bpmn:process id="complaint" name="投诉（模板测试）" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="acknowledge" />
            <bpmn:serviceTask id="acknowledge" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" expression="complainantEmail" />
                <caseflow:input name="template" value="acknowledgement" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f2" sourceRef="acknowledge" targetRef="decide" />
            <bpmn:userTask id="decide" name="受理审查" caseflow:candidateGroups="intake" caseflow:outcomes="accept,refuse" caseflow:dueIn="7wd" />
            <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="which" />
            <bpmn:exclusiveGateway id="which" default="toRefuse" />
            <bpmn:sequenceFlow id="toAccept" sourceRef="which" targetRef="accept"><bpmn:conditionExpression>outcome == 'accept'</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toRefuse" sourceRef="which" targetRef="refuse" />
            <bpmn:serviceTask id="refuse" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" expression="complainantEmail" />
                <caseflow:input name="template" value="refusal" />
                <caseflow:input name="fields" expression="({ reason: typeof refusalReason === 'undefined' ? null : refusalReason })" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f4" sourceRef="refuse" targetRef="refused" />
            <bpmn:endEvent id="refused" />
            <bpmn:serviceTask id="accept" caseflow:activity="SetCaseStatus"><bpmn:extensionElements><caseflow:input name="status" value="Accepted" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f5" sourceRef="accept" targetRef="assign" />
            <bpmn:serviceTask id="assign" caseflow:activity="AssignToOffice"><bpmn:extensionElements><caseflow:input name="officeId" value="office-1" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f6" sourceRef="assign" targetRef="tellAccepted" />
            <bpmn:serviceTask id="tellAccepted" caseflow:activity="SendEmail">
              <bpmn:extensionElements>
                <caseflow:input name="to" expression="complainantEmail" />
                <caseflow:input name="template" value="acceptance" />
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f7" sourceRef="tellAccepted" targetRef="accepted" />
            <bpmn:endEvent id="accepted" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public async ValueTask InitializeAsync()
    {
        var legal = await app.ClientForAsync("legal");
        var draft = await ProcessesApiTests.PutDraftAsync(legal, "complaint", Complaint);
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync("/api/processes/complaint/publish", null)).StatusCode);
        var edited = await legal.PutAsJsonAsync("/api/templates/acknowledgement", new
        {
            subject = "【第二版】登记回执（{{caseNumber}}）",
            body = "{{complainantName}}：您反映的“{{subject}}”已于{{receivedAt}}登记，我局将于{{dueAt}}前作出受理决定。",
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Intake_QueuesTheAcknowledgementFromTheCurrentVersion()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();
        var caseView = await intake.GetCaseAsync((string)created["id"]!);

        var email = Assert.Single(await EmailsAsync((string)created["id"]!));

        var calendar = new BusinessCalendar();
        var received = ChineseDates.Format(calendar.ToLocalDate(Instant(caseView["receivedAt"]!)));
        var due = ChineseDates.Format(calendar.ToLocalDate(Instant(caseView["deadlines"]![0]!["dueAt"]!)));
        Assert.Equal($"【第二版】登记回执（{created["number"]}）", email.Subject);
        Assert.Equal($"刘洋：您反映的“购买的电热水壶漏电”已于{received}登记，我局将于{due}前作出受理决定。", email.Body);
        Assert.Equal("consumer@example.org", email.To);
    }

    [Fact]
    public async Task Refusal_RendersTheReasonGivenWithTheDecision()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var task = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;

        var complete = await intake.CompleteAsync(task, "refuse", new { refusalReason = "超过三年投诉时效。" });

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var refusal = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉不予受理告知书", StringComparison.Ordinal));
        Assert.Contains("不予受理的理由：超过三年投诉时效。", refusal.Body, StringComparison.Ordinal);
        Assert.Contains("请求消费者协会或者依法成立的其他调解组织调解", refusal.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_WithoutAReason_IsQueuedWithAPlaceholder()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var task = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;

        var complete = await intake.CompleteAsync(task, "refuse");

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var refusal = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉不予受理告知书", StringComparison.Ordinal));
        Assert.Contains("不予受理的理由：【缺少：reason】", refusal.Body, StringComparison.Ordinal);
        Assert.Equal("completed", (string)(await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{(await intake.GetCaseAsync(caseId))["processInstanceId"]}"))!["status"]!);
    }

    [Fact]
    public async Task Acceptance_NamesTheOfficeAssignedEarlierInTheSameCommand()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var task = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(task, "accept")).StatusCode);

        var acceptance = (await EmailsAsync(caseId)).Single(e => e.Subject.StartsWith("投诉受理告知书", StringComparison.Ordinal));
        Assert.Contains("交由城关市场监管所组织调解", acceptance.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("【缺少：officeName】", acceptance.Body, StringComparison.Ordinal);
    }

    private static DateTimeOffset Instant(JsonNode node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    private Task<List<StoredOutboxMessage>> EmailsAsync(string caseId) => app.EmailsOfCaseAsync(caseId);
}
