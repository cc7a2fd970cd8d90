using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

public sealed class TasksApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task CandidateQueue_OffersAcceptanceToIntake_NotToHandlers()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var created = await intake.CreateComplaintAsync();
        var caseId = (string)created["id"]!;

        var task = Assert.Single(await intake.TasksAsync(caseId))!;
        Assert.Empty(await handler.TasksAsync(caseId));

        // The queue row says what the case is about and against whom, without opening it.
        Assert.Equal("购买的电热水壶漏电", (string)task["caseSubject"]!);
        Assert.Equal("城关家电商行", (string)task["respondentName"]!);
    }

    [Fact]
    public async Task QueueRows_CarryTheCasesOffice_OnceTheCaseIsAssignedToOne()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var acceptance = Assert.Single(await intake.TasksAsync(caseId))!;
        Assert.Null((string?)acceptance["caseOfficeId"]);

        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync((string)acceptance["id"]!, "accept", new { officeId = "office-1" })).StatusCode);

        var next = Assert.Single(await handler.TasksAsync(caseId))!;
        Assert.Equal("office-1", (string)next["caseOfficeId"]!);
    }

    [Fact]
    public async Task Claim_Returns404ForUserOutsideTheCase_200ForCandidate_409ForSecondClaimer()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var admin = await app.ClientForAsync("admin");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var byHandler = await handler.PostAsync($"/api/tasks/{taskId}/claim", null);
        var byIntake = await intake.PostAsync($"/api/tasks/{taskId}/claim", null);
        var byAdmin = await admin.PostAsync($"/api/tasks/{taskId}/claim", null);

        Assert.Equal(HttpStatusCode.NotFound, byHandler.StatusCode); // a case not yet in the handler's office is not theirs to see
        Assert.Equal(HttpStatusCode.OK, byIntake.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, byAdmin.StatusCode);
        var mine = await intake.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine");
        Assert.Contains(mine!["items"]!.AsArray(), t => (string)t!["id"]! == taskId);
    }

    [Fact]
    public async Task Complete_Returns400_WhenOutcomeNotAllowed()
    {
        var intake = await app.ClientForAsync("intake");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var response = await intake.CompleteAsync(taskId, "maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("outcome"));
    }

    [Fact]
    public async Task Complete_Returns400_WhenRefusalHasNoReason()
    {
        var intake = await app.ClientForAsync("intake");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var response = await intake.CompleteAsync(taskId, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("variables.refusalReason"));
    }

    [Fact]
    public async Task Complete_Returns404_WhenUserCannotSeeTheCase()
    {
        var intake = await app.ClientForAsync("intake");
        var legal = await app.ClientForAsync("legal");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var response = await legal.CompleteAsync(taskId, "accept", new { officeId = "office-1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // the case is outside the legal officer's tasks and offices
    }

    [Fact]
    public async Task Complete_Returns409_WhenCompletedTwice()
    {
        var intake = await app.ClientForAsync("intake");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var first = await intake.CompleteAsync(taskId, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "不属于市场监管部门职责范围" });
        var second = await intake.CompleteAsync(taskId, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "不属于市场监管部门职责范围" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Complete_CountsOnce_WhenTwoCompletionsRace()
    {
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();
        var taskId = await FirstTaskAsync(intake, created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => intake.CompleteAsync(taskId, "refuse", new { refusalGround = "no-jurisdiction", refusalReason = "已由人民法院受理" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var view = await intake.GetCaseAsync((string)created["id"]!);
        Assert.Single(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "TaskCompleted");
    }

    [Fact]
    public async Task Assign_IsForSupervisors_AndMovesTaskToTheUsersQueue()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var taskId = await FirstTaskAsync(intake, await intake.CreateComplaintAsync());

        var byHandler = await handler.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "handler1" });
        var unknownUser = await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "nobody" });
        var byChief = await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "intake" });

        Assert.Equal(HttpStatusCode.Forbidden, byHandler.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byChief.StatusCode);
        var mine = await intake.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine");
        Assert.Contains(mine!["items"]!.AsArray(), t => (string)t!["id"]! == taskId);
    }

    [Fact]
    public async Task List_All_IsRefusedToHandlers_AndOverdueIsEmptyForFreshTasks()
    {
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var intake = await app.ClientForAsync("intake");
        var created = await intake.CreateComplaintAsync();

        var all = await handler.GetAsync("/api/tasks?scope=all");
        var overdue = await chief.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=all&overdue=true&caseId={created["id"]}");

        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Empty(overdue!["items"]!.AsArray());
    }

    private static async Task<string> FirstTaskAsync(HttpClient client, JsonObject created) =>
        (string)(await client.TasksAsync((string)created["id"]!))[0]!["id"]!;
}
