using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// Case visibility through tasks reads <c>CaseGrants</c>, rows derived from the tasks in the same save (issue 23). These
/// tests hold the rows to an oracle computed here from the tasks with the rule they replace (a task of the case assigned
/// to the user, or whose stored <c>,g1,g2,</c> contains <c>,group,</c>), after each kind of change and after the
/// migration fills the table of a database from before it.
/// </summary>
public sealed class CaseGrantIndexTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Grants_FollowIntakeClaimReleaseAssignAndCompletion()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)Assert.Single(await intake.TasksAsync(caseId))!["id"]!;
        await AssertGrantsMatchTasksAsync();

        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel)).StatusCode);
        await AssertGrantsMatchTasksAsync();
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/release", null, Cancel)).StatusCode);
        await AssertGrantsMatchTasksAsync();

        // Assignment writes the task with ExecuteUpdate, past the change tracker: its grants are rebuilt in its transaction.
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "handler2" }, Cancel)).StatusCode);
        await AssertGrantsMatchTasksAsync();
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{taskId}/assign", new { userName = "intake" }, Cancel)).StatusCode);
        await AssertGrantsMatchTasksAsync();

        // A completed task still grants its case (the rule never looked at a task's state).
        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = "office-1" })).StatusCode);
        await AssertGrantsMatchTasksAsync();
    }

    [Fact]
    public async Task DatabasesFromBeforeTheGrantTable_GetTheirGrantsFromTheMigration()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)Assert.Single(await intake.TasksAsync(caseId))!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = "office-2" })).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            var applied = (await db.Database.GetAppliedMigrationsAsync(Cancel)).ToList();
            var added = applied.FindIndex(m => m.EndsWith("_CaseGrants", StringComparison.Ordinal));
            Assert.True(added > 0, "the CaseGrants migration is applied after at least one other");
            await migrator.MigrateAsync(applied[added - 1], Cancel);
            await migrator.MigrateAsync(cancellationToken: Cancel);
        }

        await AssertGrantsMatchTasksAsync();
    }

    private async Task AssertGrantsMatchTasksAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();

        // One snapshot for both reads, so a background job saving between them cannot make a false difference.
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, Cancel);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CaseId != null).ToListAsync(Cancel);
        var expected = tasks.SelectMany(t => ExpectedGrants(t.Id, t.CaseId!.Value, t.Assignee, t.CandidateGroups)).Order(StringComparer.Ordinal).ToList();
        var stored = (await db.CaseGrants.AsNoTracking().ToListAsync(Cancel))
            .Select(g => Line(g.Principal, g.TaskId, g.CaseId)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(stored, StringComparer.Ordinal)); // grants missing
        Assert.Empty(stored.Except(expected, StringComparer.Ordinal)); // grants left over
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Every principal the old rule let see the case through this task: its assignee and each stored group.</summary>
    private static IEnumerable<string> ExpectedGrants(Guid taskId, Guid caseId, string? assignee, string candidateGroups)
    {
        if (assignee is not null)
        {
            yield return Line("user:" + assignee, taskId, caseId);
        }

        foreach (var group in candidateGroups.Split(',').Where(g => g.Length > 0 && candidateGroups.Contains("," + g + ",", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            yield return Line("group:" + group, taskId, caseId);
        }
    }

    private static string Line(string principal, Guid taskId, Guid caseId) => $"{principal}|{taskId:D}|{caseId:D}";
}
