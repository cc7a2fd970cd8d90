using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

// The tests share one server, so each one ends the absences it starts and uses its own users where it can.
public sealed class AbsencesApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task Absence_CanBeRecordedReadAndEnded_ByTheUserThemself()
    {
        var handler2 = await app.ClientForAsync("handler2");

        var put = await handler2.PutAsJsonAsync("/api/users/handler2/absence", Absence("chief"));
        var current = await handler2.GetFromJsonAsync<JsonObject>("/api/users/handler2/absence");
        var end = await handler2.DeleteAsync("/api/users/handler2/absence");
        var after = await handler2.GetAsync("/api/users/handler2/absence");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("chief", (string)current!["deputy"]!);
        Assert.True((bool)current["active"]!);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Absence_Returns403_ForAnotherHandler()
    {
        var handler2 = await app.ClientForAsync("handler2");

        var put = await handler2.PutAsJsonAsync("/api/users/handler1/absence", Absence("handler2"));
        var handover = await handler2.PostAsJsonAsync("/api/users/handler1/handover", new { to = "handler2", reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, handover.StatusCode);
    }

    [Fact]
    public async Task Absence_Returns400NamingTheFields_WhenDeputyIsUnknownAndPeriodBackwards()
    {
        var chief = await app.ClientForAsync("chief");

        var response = await chief.PutAsJsonAsync("/api/users/handler1/absence", new
        {
            deputy = "nobody",
            from = TimeProvider.System.GetUtcNow().AddDays(2),
            until = TimeProvider.System.GetUtcNow().AddDays(1),
            reason = "年假",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("deputy"));
        Assert.True(errors.ContainsKey("until"));
    }

    [Fact]
    public async Task EngineAssignee_WhoIsAbsent_GivesTheTaskToTheDeputy_WithATimelineEntry()
    {
        var legal = await app.ClientForAsync("legal");
        var intake = await app.ClientForAsync("intake");
        await PublishComplaintAssignedToLegalAsync(legal);
        (await legal.PutAsJsonAsync("/api/users/legal/absence", Absence("handler1"))).EnsureSuccessStatusCode();
        try
        {
            var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;

            var view = await intake.GetCaseAsync(caseId); // legal, absent, no longer holds a task on the case and so does not see it

            Assert.Equal("handler1", (string)Assert.Single(view["tasks"]!.AsArray())!["assignee"]!);
            Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "TaskDelegated"
                && ((string)e["details"]!).Contains("legal is absent → handler1", StringComparison.Ordinal));
        }
        finally
        {
            await legal.DeleteAsync("/api/users/legal/absence");
        }
    }

    [Fact]
    public async Task Assign_ToAnAbsentUser_AssignsTheDeputy_AndSaysSo()
    {
        var chief = await app.ClientForAsync("chief");
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)Assert.Single((await chief.GetCaseAsync(caseId))["tasks"]!.AsArray())!["id"]!;
        (await chief.PutAsJsonAsync("/api/users/intake/absence", Absence("admin"))).EnsureSuccessStatusCode();
        try
        {
            var response = await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "intake" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadObjectAsync();
            Assert.Equal("admin", (string)body["assignee"]!);
            Assert.Equal("intake", (string)body["deputyFor"]!);
            Assert.Equal("admin", (string)Assert.Single((await chief.GetCaseAsync(caseId))["tasks"]!.AsArray())!["assignee"]!);
        }
        finally
        {
            await chief.DeleteAsync("/api/users/intake/absence");
        }
    }

    [Fact]
    public async Task Handover_MovesAllOpenTasksToTheDeputy_AndRecordsEachOnItsCase()
    {
        var chief = await app.ClientForAsync("chief");
        var handler2 = await app.ClientForAsync("handler2");
        var intake = await app.ClientForAsync("intake");
        var caseIds = new[] { (string)(await intake.CreateComplaintAsync())["id"]!, (string)(await intake.CreateComplaintAsync())["id"]! };
        var taskIds = new List<string>();
        foreach (var caseId in caseIds)
        {
            var taskId = (string)Assert.Single((await chief.GetCaseAsync(caseId))["tasks"]!.AsArray())!["id"]!;
            (await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "handler2" })).EnsureSuccessStatusCode();
            taskIds.Add(taskId);
        }

        (await handler2.PutAsJsonAsync("/api/users/handler2/absence", Absence("handler1"))).EnsureSuccessStatusCode();
        try
        {
            var response = await handler2.PostAsJsonAsync("/api/users/handler2/handover", new { reason = "外出培训" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadObjectAsync();
            Assert.Equal("handler1", (string)body["to"]!);
            Assert.Equal(taskIds.Order(), body["tasks"]!.AsArray().Select(t => (string)t!["id"]!).Where(taskIds.Contains).Order());
            foreach (var caseId in caseIds)
            {
                var view = await chief.GetCaseAsync(caseId);
                Assert.Equal("handler1", (string)Assert.Single(view["tasks"]!.AsArray())!["assignee"]!);
                Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "TaskHandedOver" && (string)e["actor"]! == "handler2"
                    && ((string)e["details"]!).Contains("外出培训", StringComparison.Ordinal));
            }
        }
        finally
        {
            await handler2.DeleteAsync("/api/users/handler2/absence");
        }
    }

    [Fact]
    public async Task Handover_Returns400NamingTo_WhenTheUserIsPresentAndNoOneIsNamed()
    {
        var chief = await app.ClientForAsync("chief");

        var response = await chief.PostAsJsonAsync("/api/users/handler1/handover", new { reason = "调岗" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("to"));
    }

    private static object Absence(string deputy) => new
    {
        deputy,
        from = TimeProvider.System.GetUtcNow().AddHours(-1),
        until = TimeProvider.System.GetUtcNow().AddDays(7),
        reason = "年假",
    };

    // Intake starts the latest "complaint" version, so this makes the next complaints open a task fixed on legal.
    private static async Task PublishComplaintAssignedToLegalAsync(HttpClient legal)
    {
        var xml = TestProcesses.Header + """
              <bpmn:process id="complaint" name="投诉（测试）" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                <bpmn:userTask id="review" name="法制审核" caseflow:assignee="legal" caseflow:outcomes="ok" />
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var draft = await ProcessesApiTests.PutDraftAsync(legal, "complaint", xml);
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync("/api/processes/complaint/publish", null)).StatusCode);
    }
}
