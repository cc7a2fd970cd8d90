using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

public sealed class PointsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task ClosingACaseLate_CreditsCaseClosed_AndChargesDeadlineBreached_ToWhoeverCompletedTheTask()
    {
        var legal = await app.ClientForAsync("legal");
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        await PublishOneStepComplaintAsync(legal);
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)Assert.Single((await chief.GetCaseAsync(caseId))["tasks"]!.AsArray())!["id"]!;
        await MoveDeadlineIntoThePastAsync(Guid.Parse(caseId));

        var complete = await intake.CompleteAsync(taskId, "ok");

        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("closed", (string)(await chief.GetCaseAsync(caseId))["status"]!);
        var ledger = await chief.GetFromJsonAsync<JsonObject>("/api/points?userName=intake");
        var entries = ledger!["entries"]!.AsArray().Where(e => (string?)e!["caseId"] == caseId).ToList();
        Assert.Contains(entries, e => (string)e!["event"]! == "CaseClosed" && (int)e["points"]! == 2 && (string)e["userName"]! == "intake");
        Assert.Contains(entries, e => (string)e!["event"]! == "DeadlineBreached" && (int)e["points"]! == -3);
        Assert.Equal(2, entries.Count);
    }

    [Fact]
    public async Task ManualEntries_AreRecordedBySupervisors_AndHandlersSeeOnlyTheirOwn()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var handler1 = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;

        var lead = await chief.PostAsJsonAsync("/api/points", new { userName = "handler1", @event = "ViolationLeadFound", caseId, details = "发现无照经营线索" });
        var complaint = await chief.PostAsJsonAsync("/api/points", new { userName = "handler2", @event = "ComplaintAboutHandler", caseId });
        var own = await handler1.GetFromJsonAsync<JsonObject>("/api/points");
        var others = await handler1.GetAsync("/api/points?userName=handler2");
        var all = await chief.GetFromJsonAsync<JsonObject>("/api/points");

        Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
        Assert.Equal(5, (int)(await lead.ReadObjectAsync())["points"]!);
        Assert.Equal(HttpStatusCode.OK, complaint.StatusCode);
        Assert.All(own!["entries"]!.AsArray(), e => Assert.Equal("handler1", (string)e!["userName"]!));
        Assert.Equal(5, (int)Assert.Single(own["totals"]!.AsArray())!["points"]!);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Contains(all!["totals"]!.AsArray(), t => (string)t!["userName"]! == "handler2" && (int)t["points"]! == -5);
    }

    [Fact]
    public async Task Record_Returns403ForAHandler_And400ForAServerEvent()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var handler1 = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;

        var byHandler = await handler1.PostAsJsonAsync("/api/points", new { userName = "handler1", @event = "ViolationLeadFound", caseId });
        var serverEvent = await chief.PostAsJsonAsync("/api/points", new { userName = "handler1", @event = "CaseClosed", caseId });

        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, serverEvent.StatusCode);
        Assert.True((await serverEvent.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("event"));
    }

    [Fact]
    public async Task List_FiltersByPeriod_AndNamesAWrongDate()
    {
        var chief = await app.ClientForAsync("chief");

        var old = await chief.GetFromJsonAsync<JsonObject>("/api/points?from=2000-01-01&to=2000-01-31");
        var wrong = await chief.GetAsync("/api/points?from=2026-02-30");

        Assert.Empty(old!["entries"]!.AsArray());
        Assert.Empty(old["totals"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("from"));
    }

    // Intake starts the latest "complaint" version: one 7wd task for intake, then the case is closed.
    private static async Task PublishOneStepComplaintAsync(HttpClient legal)
    {
        var xml = TestProcesses.Header + """
              <bpmn:process id="complaint" name="投诉（测试）" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
                <bpmn:userTask id="handle" name="办理" caseflow:candidateGroups="intake" caseflow:outcomes="ok" caseflow:dueIn="7wd" />
                <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="close" />
                <bpmn:serviceTask id="close" name="办结" caseflow:activity="SetCaseStatus">
                  <bpmn:extensionElements>
                    <caseflow:input name="status" value="Closed" />
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="f3" sourceRef="close" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var draft = await ProcessesApiTests.PutDraftAsync(legal, "complaint", xml);
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync("/api/processes/complaint/publish", null)).StatusCode);
    }

    // Seven working days cannot pass in a test; the deadline is made due an hour ago instead.
    private async Task MoveDeadlineIntoThePastAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var deadline = await db.Deadlines.SingleAsync(d => d.CaseId == caseId);
        deadline.DueAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        await db.SaveChangesAsync();
    }
}
