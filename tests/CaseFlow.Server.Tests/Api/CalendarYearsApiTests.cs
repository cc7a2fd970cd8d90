using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

// Each test uses its own year: the calendar is one singleton per server and the tests of a class share it.
public sealed class CalendarYearsApiTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    [Fact]
    public async Task UploadAndConfirm_MovesAProvisional7wdDeadline_AndRecordsItOnTheCase()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var deadlineId = await StartAcceptanceOnAsync(Guid.Parse(caseId), new DateTimeOffset(2026, 12, 28, 2, 0, 0, TimeSpan.Zero));

        // Before 2027 is loaded, only its fixed-date holidays are known: 元旦 is not counted, and the date is provisional.
        var before = Acceptance(await admin.GetCaseAsync(caseId));
        Assert.Equal("2027-01-07", before["dueDate"]!.GetValue<string>());
        Assert.True((bool)before["provisional"]!);
        var early = await admin.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-28&workingDays=7");
        Assert.Equal("2027-01-07", (string)early!["due"]!);
        Assert.True((bool)early["provisional"]!);

        // A notice that adds a day the fixed dates could not know (a hypothetical 4 January off) moves the deadline.
        var upload = await admin.PutAsJsonAsync("/api/calendar/years/2027", new
        {
            holidays = new[] { new { date = "2027-01-01", name = "元旦" }, new { date = "2027-01-04", name = "元旦" } },
            workingWeekends = Array.Empty<object>(),
            source = "国务院办公厅关于2027年部分节假日安排的通知",
        });

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var impact = (await upload.ReadObjectAsync())["impact"]!.AsArray();
        var item = Assert.Single(impact, i => (string)i!["id"]! == deadlineId.ToString());
        Assert.Equal("2027-01-07", (string)item!["oldDueDate"]!);
        Assert.Equal("2027-01-08", (string)item["newDueDate"]!);
        Assert.Equal("2027-01-07", Acceptance(await admin.GetCaseAsync(caseId))["dueDate"]!.GetValue<string>());

        var confirm = await admin.PostAsync("/api/calendar/years/2027/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var view = await admin.GetCaseAsync(caseId);
        Assert.Equal("2027-01-08", Acceptance(view)["dueDate"]!.GetValue<string>());
        Assert.False((bool)Acceptance(view)["provisional"]!);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "DeadlineRecalculated" && (string)e["actor"]! == "admin"
            && ((string)e["details"]!).Contains("2027-01-07 → 2027-01-08", StringComparison.Ordinal)
            && ((string)e["details"]!).Contains("State Council holiday notice 2027", StringComparison.Ordinal));
        var task = Assert.Single(view["tasks"]!.AsArray());
        Assert.Equal(Acceptance(view)["dueAt"]!.GetValue<DateTimeOffset>(), task!["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.False((bool)task["dueProvisional"]!);
        var due = await admin.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-31&workingDays=1");
        Assert.Equal("2027-01-05", (string)due!["due"]!);
        Assert.False((bool)due["provisional"]!);
    }

    [Fact]
    public async Task Confirm_LeavesASuspendedOrExtendedDeadline_ForReview()
    {
        var intake = await app.ClientForAsync("intake");
        var admin = await app.ClientForAsync("admin");
        var chief = await app.ClientForAsync("chief");
        var plainCase = (string)(await intake.CreateComplaintAsync())["id"]!;
        var changedCase = (string)(await intake.CreateComplaintAsync())["id"]!;
        var plain = await StartAcceptanceOnAsync(Guid.Parse(plainCase), new DateTimeOffset(2027, 12, 28, 2, 0, 0, TimeSpan.Zero));
        var changed = await StartAcceptanceOnAsync(Guid.Parse(changedCase), new DateTimeOffset(2027, 12, 28, 2, 0, 0, TimeSpan.Zero));
        var path = $"/api/cases/{changedCase}/deadlines/{changed}";
        (await chief.PostAsJsonAsync($"{path}/suspend", new { reason = "先行和解", kind = "Odr" })).EnsureSuccessStatusCode();
        (await chief.PostAsJsonAsync($"{path}/resume", new { reason = "和解未成" })).EnsureSuccessStatusCode();

        var upload = await admin.PutAsJsonAsync("/api/calendar/years/2028", new
        {
            holidays = new[] { new { date = "2028-01-03", name = "元旦（调）" } },
            workingWeekends = Array.Empty<object>(),
        });
        var impact = (await upload.ReadObjectAsync())["impact"]!.AsArray();
        var review = Assert.Single(impact, i => (string)i!["id"]! == changed.ToString())!;
        Assert.True((bool)review["needsReview"]!);
        Assert.Equal((string)review["oldDueDate"]!, (string)review["newDueDate"]!);
        Assert.False((bool)Assert.Single(impact, i => (string)i!["id"]! == plain.ToString())!["needsReview"]!);

        var confirmed = await (await admin.PostAsync("/api/calendar/years/2028/confirm", null)).ReadObjectAsync();

        Assert.Contains(confirmed["needsReview"]!.AsArray(), i => (string)i!["id"]! == changed.ToString());
        Assert.DoesNotContain(confirmed["recalculated"]!.AsArray(), i => (string)i!["id"]! == changed.ToString());
        Assert.Equal("2028-01-06", Acceptance(await admin.GetCaseAsync(changedCase))["dueDate"]!.GetValue<string>());
        Assert.Equal("2028-01-07", Acceptance(await admin.GetCaseAsync(plainCase))["dueDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Confirm_StoresTheYear_AndListsItAsLoaded()
    {
        var admin = await app.ClientForAsync("admin");
        var handler = await app.ClientForAsync("handler1");
        await admin.PutAsJsonAsync("/api/calendar/years/2031", Year2031());

        var pendingList = await handler.GetFromJsonAsync<JsonArray>("/api/calendar/years");
        Assert.True((bool)pendingList!.Single(y => (int)y!["year"]! == 2031)!["pending"]!);
        Assert.Equal("bundled", (string)pendingList!.Single(y => (int)y!["year"]! == 2026)!["source"]!);

        (await admin.PostAsync("/api/calendar/years/2031/confirm", null)).EnsureSuccessStatusCode();

        var year = (await handler.GetFromJsonAsync<JsonObject>("/api/calendar/years/2031"))!;
        Assert.Equal("loaded", (string)year["summary"]!["source"]!);
        Assert.Equal("admin", (string)year["summary"]!["loadedBy"]!);
        Assert.Equal(2, year["holidays"]!.AsArray().Count);
        await using var scope = app.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>().CalendarYears.AsNoTracking().SingleAsync(y => y.Year == 2031);
        Assert.NotNull(row.Json);
        Assert.Null(row.PendingJson);
        Assert.Equal(2031, HolidayCalendarData.Parse(row.Json).Year);
    }

    [Fact]
    public async Task Upload_Returns400NamingTheDate_WhenAWorkingWeekendIsAWeekday()
    {
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/calendar/years/2030", new
        {
            holidays = new[] { new { date = "2030-01-01", name = "元旦" } },
            workingWeekends = new[] { new { date = "2030-01-08", name = "调休上班" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Contains("2030-01-08", (string)errors["workingWeekends"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Returns400NamingTheEntry_WhenADateIsNotADate()
    {
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/calendar/years/2030", new
        {
            holidays = new[] { new { date = "2030-01-01", name = "元旦" }, new { date = "2030-02-30", name = "春节" } },
            workingWeekends = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2030-02-30", (string)(await response.ReadObjectAsync())["errors"]!["holidays[1].date"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAndConfirm_Return403_ForANonAdmin()
    {
        var supervisor = await app.ClientForAsync("chief");

        var upload = await supervisor.PutAsJsonAsync("/api/calendar/years/2029", Year2031());
        var confirm = await supervisor.PostAsync("/api/calendar/years/2029/confirm", null);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
    }

    [Fact]
    public async Task Confirm_Returns409_WhenNothingIsPending()
    {
        var admin = await app.ClientForAsync("admin");

        var response = await admin.PostAsync("/api/calendar/years/2028/confirm", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task GetYear_Returns404_ForAYearWithoutData()
    {
        var handler = await app.ClientForAsync("handler1");

        var response = await handler.GetAsync("/api/calendar/years/2040");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static object Year2031() => new
    {
        holidays = new[] { new { date = "2031-01-01", name = "元旦" }, new { date = "2031-10-01", name = "国庆节" } },
        workingWeekends = Array.Empty<object>(),
        source = "test notice",
    };

    private static JsonObject Acceptance(JsonObject view) =>
        view["deadlines"]!.AsArray().Single(d => (string)d!["rule"]! == "7wd")!.AsObject();

    // The real clock cannot reach the end of 2026 in a test, so the acceptance deadline is moved to start there,
    // due as the calendar (without 2027 holidays) computes it.
    private async Task<Guid> StartAcceptanceOnAsync(Guid caseId, DateTimeOffset startedAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<BusinessCalendar>();
        var deadline = await db.Deadlines.SingleAsync(d => d.CaseId == caseId && d.Rule == "7wd");
        var task = await db.Tasks.SingleAsync(t => t.Id == deadline.TaskId);
        deadline.StartedAt = task.CreatedAt = startedAt;
        deadline.DueAt = calendar.ComputeDue(startedAt, BusinessDuration.Parse("7wd"));
        task.DueAt = deadline.DueAt;
        await db.SaveChangesAsync();
        return deadline.Id;
    }
}
