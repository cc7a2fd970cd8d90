using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Auth;
using CaseFlow.Server.Cases;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Security;
using CaseFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Security;

/// <summary>
/// The case list's fast path (<see cref="VisibleCaseList"/>: the newest of each index range, merged, and a total from range
/// counts and the grants' copy of the case's office) against the general query it replaces for an unfiltered list
/// (<see cref="CaseAccess.Visible"/> ordered newest first, counted): the same items in the same order and the same total,
/// page by page, for users with offices, with grants, with both overlapping, and after a case moves office or a task is
/// reassigned.
/// </summary>
public sealed class VisibleCaseListTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Offices only, grants only (no office), offices and grants overlapping, two offices, nothing at all.</summary>
    private static readonly CurrentUser[] Users =
    [
        User("handler1", "office-1"),
        User("handler2", "office-2"),
        User("intake"),
        User("handler2", "office-1"),
        User("handler1", "office-1", "office-2", "intake"),
        User("nobody"),
    ];

    private static readonly int[] PageSizes = [1, 2, 3, 50];

    private static readonly string?[] Offices = ["office-1", "office-2", "office-1", null, "office-2", "office-1", null];

    [Fact]
    public async Task FastPath_EqualsTheGeneralQuery_ForOfficesGrantsOverlapsAndEveryPage()
    {
        var (office1Case, office1Task) = await SeedAsync();

        // handler2 is given an office-1 task: office-1's case is granted to a user of another office.
        var chief = await app.ClientForAsync("chief");
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{office1Task}/assign", new { userName = "handler2" }, Cancel)).StatusCode);
        await AssertSameAsync();

        // Reassigned again: the grant moves with the task.
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/tasks/{office1Task}/assign", new { userName = "handler1" }, Cancel)).StatusCode);
        await AssertSameAsync();

        // The case moves office in a save of its own: its stored grants follow in that save.
        await MoveAsync(office1Case, "office-2");
        await AssertSameAsync();
        await MoveAsync(office1Case, null);
        await AssertSameAsync();
        await MoveAsync(office1Case, "office-1");
        await AssertSameAsync();
    }

    [Fact]
    public async Task TheEndpoint_AnswersTheGeneralQuerysItemsAndTotal()
    {
        await SeedAsync();
        var handler2 = await app.ClientForAsync("handler2");
        var page = await handler2.GetFromJsonAsync<JsonObject>("/api/cases?pageSize=2&page=2", Cancel);
        var user = User("handler2", "office-2");
        var (items, total) = await GeneralAsync(user, 2, 2);
        Assert.Equal(total, (int)page!["total"]!);
        Assert.Equal(items.Select(i => i.Id.ToString()), page["items"]!.AsArray().Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task DatabasesFromBeforeTheCopies_GetThemFromTheMigration()
    {
        await SeedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            var applied = (await db.Database.GetAppliedMigrationsAsync(Cancel)).ToList();
            var added = applied.FindIndex(m => m.EndsWith("_CaseListNewestFirstRanges", StringComparison.Ordinal));
            Assert.True(added > 0, "the migration is applied after at least one other");
            await migrator.MigrateAsync(applied[added - 1], Cancel);
            await migrator.MigrateAsync(cancellationToken: Cancel);
        }

        Assert.True(await CountGrantsAsync() > 0);
        await AssertSameAsync();
    }

    private async Task<int> CountGrantsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>().CaseGrants.CountAsync(Cancel);
    }

    private async Task AssertSameAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();

        // Every grant carries its case's values (what the fast path reads instead of the case).
        var stale = await db.CaseGrants.AsNoTracking()
            .Join(db.Cases, g => g.CaseId, c => c.Id, (g, c) => new { g.Principal, g.ReceivedAt, g.OfficeId, CaseReceivedAt = c.ReceivedAt, CaseOfficeId = c.OfficeId })
            .Where(x => x.ReceivedAt != x.CaseReceivedAt || x.OfficeId != x.CaseOfficeId)
            .CountAsync(Cancel);
        Assert.Equal(0, stale);

        foreach (var user in Users)
        {
            foreach (var size in PageSizes)
            {
                var (_, total) = await GeneralAsync(user, 0, 1);
                for (var skip = 0; skip <= total + size; skip += size)
                {
                    var expected = await GeneralAsync(user, skip, size);
                    var actual = await VisibleCaseList.ReadAsync(db, user, skip, size, Cancel);
                    var where = $"{user.UserName} [{string.Join(",", user.Groups)}] skip {skip} take {size}";
                    Assert.True(expected.Total == actual.Total, $"{where}: total {actual.Total}, expected {expected.Total}");
                    Assert.True(expected.Items.SequenceEqual(actual.Items), $"{where}: items differ");
                    Assert.Equal(total, actual.Total);
                }
            }
        }
    }

    private async Task<(List<CaseListRow> Items, int Total)> GeneralAsync(CurrentUser user, int skip, int take)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<CaseAccess>();
        var query = access.Visible(db.Cases.AsNoTracking(), user);
        var items = await query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CaseListRow(c.Id, c.Number, c.Kind, c.Status, c.OfficeId, c.Subject, c.RespondentName, c.ReceivedAt))
            .ToListAsync(Cancel);
        return (items, await query.CountAsync(Cancel));
    }

    /// <summary>Cases in office-1, in office-2 and in none (intake's acceptance task open); returns an office-1 case and its task.</summary>
    private async Task<(Guid CaseId, string TaskId)> SeedAsync()
    {
        var intake = await app.ClientForAsync("intake");
        string? office1Case = null;
        foreach (var office in Offices)
        {
            var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
            if (office is null)
            {
                continue;
            }

            var taskId = (string)Assert.Single(await intake.TasksAsync(caseId))!["id"]!;
            Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = office })).StatusCode);
            office1Case ??= office == "office-1" ? caseId : null;
        }

        var handler1 = await app.ClientForAsync("handler1");
        var task = (string)(await handler1.TasksAsync(office1Case!))[0]!["id"]!;
        return (Guid.Parse(office1Case!), task);
    }

    private async Task MoveAsync(Guid caseId, string? officeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var stored = await db.Cases.SingleAsync(c => c.Id == caseId, Cancel);
        stored.OfficeId = officeId;
        await db.SaveChangesAsync(Cancel);
    }

    private static CurrentUser User(string name, params string[] groups) =>
        new(name, new HashSet<string>([Roles.Handler], StringComparer.Ordinal), new HashSet<string>(groups, StringComparer.Ordinal));
}
