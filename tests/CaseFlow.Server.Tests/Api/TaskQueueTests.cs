using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The open queues are read from <c>TaskQueueEntries</c>, lines derived from the tasks in the same save. These tests hold
/// the lines to an oracle computed here from the tasks themselves after every kind of change, and check what a user
/// sees: each task once, in due order with undated tasks last, the overdue filter, and databases from before the table.
/// </summary>
public sealed class TaskQueueTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task QueueLines_FollowIntakeClaimReleaseAssignAndCompletion()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)Assert.Single(await intake.TasksAsync(caseId))!["id"]!;
        await AssertLinesMatchTasksAsync();
        Assert.Contains(await QueueIdsAsync(intake, "candidate"), id => id == taskId);

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
        await AssertLinesMatchTasksAsync();
        Assert.DoesNotContain(await QueueIdsAsync(intake, "candidate"), id => id == taskId);
        Assert.Contains(await QueueIdsAsync(intake, "mine"), id => id == taskId);

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/release", null)).StatusCode);
        await AssertLinesMatchTasksAsync();
        Assert.Contains(await QueueIdsAsync(intake, "candidate"), id => id == taskId);
        Assert.DoesNotContain(await QueueIdsAsync(intake, "mine"), id => id == taskId);

        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "intake" })).StatusCode);
        await AssertLinesMatchTasksAsync();
        Assert.Contains(await QueueIdsAsync(intake, "mine"), id => id == taskId);
        Assert.Contains(await QueueIdsAsync(chief, "all"), id => id == taskId);

        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = "office-1" })).StatusCode);
        await AssertLinesMatchTasksAsync();
        Assert.DoesNotContain(await QueueIdsAsync(intake, "mine"), id => id == taskId);
        Assert.DoesNotContain(await QueueIdsAsync(chief, "all"), id => id == taskId);
        var next = (string)Assert.Single(await chief.TasksAsync(caseId))!["id"]!;
        Assert.Contains(await QueueIdsAsync(chief, "candidate"), id => id == next); // office-1's mediation, chief is in office-1
    }

    [Fact]
    public async Task CandidateQueue_OfAUserInTwoGroups_ListsATaskOfferedToBothOnce_InDueOrder_UndatedLast()
    {
        var legal = await app.ClientForAsync("legal");
        var chief = await app.ClientForAsync("chief");
        var key = await ProcessesApiTests.PublishAsync(legal, ThreeTasksForTwoOffices);
        var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = "Q-1" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instanceId = (string)(await started.ReadObjectAsync())["id"]!;
        await AssertLinesMatchTasksAsync();

        var page = await chief.GetFromJsonAsync<JsonObject>("/api/tasks?scope=candidate&pageSize=200", TestContext.Current.CancellationToken);
        var items = page!["items"]!.AsArray();
        Assert.Equal(items.Count, (int)page["total"]!); // a task in two of chief's groups is counted once, as it is listed once
        var ours = items.Where(t => (string)t!["processInstanceId"]! == instanceId).Select(t => (string)t!["elementId"]!).ToList();
        Assert.Equal(["dueSoon", "dueLater", "dueNever"], ours);
    }

    [Fact]
    public async Task OverdueFilter_ListsOnlyTasksPastTheirDueInstant()
    {
        var legal = await app.ClientForAsync("legal");
        var chief = await app.ClientForAsync("chief");
        var key = await ProcessesApiTests.PublishAsync(legal, ThreeTasksForTwoOffices);
        var started = await legal.PostAsJsonAsync($"/api/processes/{key}/instances", new { businessKey = "Q-2" });
        var instanceId = (string)(await started.ReadObjectAsync())["id"]!;
        var instanceTasks = (await QueueItemsAsync(chief, "all")).Where(t => (string)t["processInstanceId"]! == instanceId).ToList();
        var soon = (string)instanceTasks.Single(t => (string)t["elementId"]! == "dueSoon")["id"]!;

        Assert.True(
            await Requests.EventuallyAsync(async () => (await QueueIdsAsync(chief, "all", overdue: true)).Contains(soon), TimeSpan.FromSeconds(10)),
            "the task due in 1 s never showed as overdue");
        var overdue = await QueueItemsAsync(chief, "candidate", overdue: true);
        Assert.All(overdue, t => Assert.True(DateTimeOffset.Parse((string)t["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeProvider.System.GetUtcNow()));
        Assert.Contains(overdue, t => (string)t["id"]! == soon);
        Assert.DoesNotContain(overdue, t => (string)t["elementId"]! is "dueLater" or "dueNever");
    }

    /// <summary>start → fork → three tasks for office-1 and office-2: due in 1 s, due in 30 days, no due date.</summary>
    private static string ThreeTasksForTwoOffices(string key) => TestProcesses.Header + $"""
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="dueNever" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="dueLater" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="dueSoon" />
            <bpmn:userTask id="dueNever" name="无期限" caseflow:candidateGroups="office-1,office-2" />
            <bpmn:userTask id="dueLater" name="三十日" caseflow:candidateGroups="office-1,office-2" caseflow:dueIn="P30D" />
            <bpmn:userTask id="dueSoon" name="一秒" caseflow:candidateGroups="office-1,office-2" caseflow:dueIn="PT1S" />
            <bpmn:sequenceFlow id="f4" sourceRef="dueNever" targetRef="endA" />
            <bpmn:sequenceFlow id="f5" sourceRef="dueLater" targetRef="endB" />
            <bpmn:sequenceFlow id="f6" sourceRef="dueSoon" targetRef="endC" />
            <bpmn:endEvent id="endA" />
            <bpmn:endEvent id="endB" />
            <bpmn:endEvent id="endC" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<List<JsonObject>> QueueItemsAsync(HttpClient client, string scope, bool overdue = false)
    {
        var url = $"/api/tasks?scope={scope}&pageSize=200" + (overdue ? "&overdue=true" : "");
        var page = await client.GetFromJsonAsync<JsonObject>(url, TestContext.Current.CancellationToken);
        return page!["items"]!.AsArray().Select(t => t!.AsObject()).ToList();
    }

    private static async Task<List<string>> QueueIdsAsync(HttpClient client, string scope, bool overdue = false) =>
        (await QueueItemsAsync(client, scope, overdue)).Select(t => (string)t["id"]!).ToList();

    /// <summary>The stored lines equal, row for row, the lines the tasks call for (worked out here, not by the server's code).</summary>
    private async Task AssertLinesMatchTasksAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();

        // One snapshot for both reads, so a background job saving between them cannot make a false difference.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, TestContext.Current.CancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.State == TaskState.Open).ToListAsync(TestContext.Current.CancellationToken);
        var expected = tasks.SelectMany(ExpectedLines).Order(StringComparer.Ordinal).ToList();
        var stored = (await db.TaskQueueEntries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(e => Line(e.Queue, e.TaskId, e.DueOrder, e.CreatedAt)).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(expected.Except(stored, StringComparer.Ordinal)); // lines missing
        Assert.Empty(stored.Except(expected, StringComparer.Ordinal)); // lines left over
    }

    private static IEnumerable<string> ExpectedLines(StoredTask task)
    {
        var due = task.DueAt?.UtcTicks ?? long.MaxValue;
        yield return Line("all", task.Id, due, task.CreatedAt);
        if (task.Assignee is { } holder)
        {
            yield return Line("user:" + holder, task.Id, due, task.CreatedAt);
            yield break;
        }

        yield return Line("unclaimed", task.Id, due, task.CreatedAt);
        foreach (var group in task.CandidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Line("group:" + group, task.Id, due, task.CreatedAt);
        }
    }

    private static string Line(string queue, Guid taskId, long due, DateTimeOffset createdAt) => $"{queue}|{taskId}|{due}|{createdAt.UtcTicks}";
}
