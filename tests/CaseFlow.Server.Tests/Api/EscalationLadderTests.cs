using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Persistence.Entities;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// Deadline ladders through the API: a complaint received Mon 2026-12-07 must be decided by Wed 12-16 (7 working days,
/// O121 Art. 15). Its ladder: a warning at 08:00 on Mon 12-14 (2 working days left), a supervision item (督办) for the
/// office head at the due instant, reminders to the holder every working day from Thu 12-17, the director from Mon 12-21.
/// </summary>
public sealed class EscalationLadderTests
{
    [Fact]
    public async Task Ladder_FiresEachStepOnce_InOrder_AndShowsInQueuesAndTimeline()
    {
        await using var app = new LadderApp();
        var caseId = (string)(await (await app.ClientForAsync("intake")).CreateComplaintAsync())["id"]!;
        Task<HttpClient> Chief() => app.ClientForAsync("chief");

        Assert.Equal(0, await app.SweepAsync());
        app.MoveTo(new DateTime(2026, 12, 11, 17, 0, 0));
        Assert.Equal(0, await app.SweepAsync());

        app.MoveTo(new DateTime(2026, 12, 14, 9, 0, 0));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(0, await app.SweepAsync());
        var warning = Assert.Single(await app.EscalationsAsync(caseId));
        Assert.Equal(EscalationKind.Warning, warning.Kind);
        Assert.Equal("intake", warning.Recipients);
        var warningMail = Assert.Single(await app.EmailsAsync(caseId, "【临期提醒】"));
        Assert.Equal("intake@caseflow.example", warningMail.To);
        Assert.Contains("还剩 2 个工作日", warningMail.Body, StringComparison.Ordinal);
        Assert.Contains("2026年12月16日", warningMail.Body, StringComparison.Ordinal);

        // Still on time at 23:00 on the last day; the 督办 comes at the due instant, not before.
        app.MoveTo(new DateTime(2026, 12, 16, 23, 0, 0));
        Assert.Equal(0, await app.SweepAsync());
        Assert.Empty(await TasksAsync(await Chief(), "overdue=true&scope=all", caseId));

        app.MoveTo(new DateTime(2026, 12, 17, 7, 0, 0));
        Assert.Equal(1, await app.SweepAsync());
        var supervision = Assert.Single(await app.EmailsAsync(caseId, "【督办】"));
        Assert.Equal("chief@caseflow.example", supervision.To);
        var overdue = Assert.Single(await TasksAsync(await Chief(), "overdue=true&scope=all", caseId));
        Assert.Equal(1, (int)overdue["escalationLevel"]!);
        var items = await ItemsAsync(await Chief(), $"caseId={caseId}");
        var item = Assert.Single(items);
        Assert.Equal("supervisionItem", (string)item["kind"]!);
        Assert.True((bool)item["open"]!);
        Assert.Equal(-1, (int)item["workingDaysLeft"]!);

        // Tue 12-22: four daily reminders were due (Thu, Fri, Mon, Tue) but only the latest is sent; the director hears once.
        app.MoveTo(new DateTime(2026, 12, 22, 9, 0, 0));
        Assert.Equal(2, await app.SweepAsync());
        Assert.Equal(0, await app.SweepAsync());
        var steps = await app.EscalationsAsync(caseId);
        Assert.Equal(
            ["step:0#1", "step:1#4", "step:2#1", "warning:2wd@2026-12-16"],
            steps.Select(s => s.StepKey).Order(StringComparer.Ordinal));
        Assert.Single(await app.EmailsAsync(caseId, "【催办】"));
        Assert.Single(await app.EmailsAsync(caseId, "【超期报告】"));
        Assert.Equal(3, (int)Assert.Single(await TasksAsync(await Chief(), "overdue=true&scope=all", caseId))["escalationLevel"]!);

        var timeline = (await (await Chief()).GetCaseAsync(caseId))["timeline"]!.AsArray().Select(e => (string)e!["event"]!).ToList();
        Assert.Equal(1, timeline.Count(e => e == "DeadlineWarning"));
        Assert.Equal(1, timeline.Count(e => e == "SupervisionItemOpened"));
        Assert.Equal(1, timeline.Count(e => e == "ReminderSent"));
        Assert.Equal(1, timeline.Count(e => e == "DirectorNotified"));

        // Deciding ends the deadline: the supervision items close and the ladder stops.
        var intake = await app.ClientForAsync("intake");
        var taskId = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await intake.CompleteAsync(taskId, "accept", new { officeId = "office-1" })).StatusCode);
        Assert.Empty(await ItemsAsync(await Chief(), $"caseId={caseId}"));
        Assert.Equal(3, (await ItemsAsync(await Chief(), $"caseId={caseId}&state=all")).Count);
        app.MoveTo(new DateTime(2026, 12, 28, 9, 0, 0));
        await app.SweepAsync();
        Assert.Equal(4, (await app.EscalationsAsync(caseId)).Count(e => e.TaskId == Guid.Parse(taskId)));
    }

    [Fact]
    public async Task ScheduledSweep_OnTheRealClock_FiresEachStepOnce_AcrossARestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N"));
        string caseId;
        try
        {
            await using (var first = new RestartableApp(dataDirectory, keepsData: true))
            {
                // A legal officer makes acceptance a one-hour period with a ladder in seconds; a complaint received 59 min
                // 52 s ago is then due in 8 s: warned 6 s before, 督办 at the due instant, reminded every 2 s after 2 s.
                await ShortenAcceptanceAsync(await first.ClientForAsync("legal"));
                var receivedAt = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(59) - TimeSpan.FromSeconds(52);
                var created = await (await first.ClientForAsync("intake")).PostAsJsonAsync("/api/cases", WithReceipt(Requests.Complaint(), receivedAt));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                caseId = (string)(await created.ReadObjectAsync())["id"]!;
                Assert.True(await Requests.EventuallyAsync(async () => (await first.EscalationsAsync(caseId)).Any(e => e.Kind == EscalationKind.Warning), TimeSpan.FromSeconds(20)));
            }

            // Restarted before the due instant: the warning is not given again; the 督办 and reminders fire once each.
            await using var second = new RestartableApp(dataDirectory, keepsData: false);
            _ = second.Server;
            Assert.True(await Requests.EventuallyAsync(async () => (await second.EscalationsAsync(caseId)).Count(e => e.Kind == EscalationKind.Remind) >= 2, TimeSpan.FromSeconds(30)));

            var steps = await second.EscalationsAsync(caseId);
            Assert.Single(steps, e => e.Kind == EscalationKind.Warning);
            Assert.Single(steps, e => e.Kind == EscalationKind.SupervisionItem);
            Assert.Equal(steps.Count, steps.Select(e => e.StepKey).Distinct(StringComparer.Ordinal).Count());
            Assert.Single(await second.EmailsAsync(caseId, "【临期提醒】"));
            Assert.Single(await second.EmailsAsync(caseId, "【督办】"));
        }
        finally
        {
            TestDatabases.Delete(dataDirectory);
        }
    }

    private static async Task ShortenAcceptanceAsync(HttpClient legal)
    {
        var o121 = (await legal.GetFromJsonAsync<JsonObject>("/api/rule-sets/O121"))!;
        var acceptance = o121["rules"]!.AsArray().Single(r => (string?)r!["code"] == "complaint.acceptance")!.AsObject();
        acceptance["unit"] = "Hours";
        acceptance["amount"] = 1;
        acceptance["warningsBefore"] = new JsonArray("PT6S");
        acceptance["escalations"] = new JsonArray(
            new JsonObject { ["offset"] = "0d", ["action"] = "SupervisionItem", ["role"] = "supervisors" },
            new JsonObject { ["offset"] = "PT2S", ["action"] = "Remind", ["role"] = "assignee", ["repeatEvery"] = "PT2S" });
        var saved = await legal.PutAsJsonAsync("/api/rule-sets/O121", o121);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    private static JsonObject WithReceipt(object complaint, DateTimeOffset receivedAt)
    {
        var body = JsonSerializer.SerializeToNode(complaint)!.AsObject();
        body["receivedAt"] = receivedAt;
        return body;
    }

    [Fact]
    public async Task FourSweepsRacing_FireEveryStepOfAWaveExactlyOnce()
    {
        await using var app = new LadderApp();
        var intake = await app.ClientForAsync("intake");
        var cases = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            cases.Add((string)(await intake.CreateComplaintAsync())["id"]!);
        }

        app.MoveTo(new DateTime(2026, 12, 17, 7, 0, 0));
        var fired = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));

        // Each case: its warning (late, but the most urgent one is still given once) and its 督办.
        Assert.Equal(40, fired.Sum());
        foreach (var caseId in cases)
        {
            var steps = await app.EscalationsAsync(caseId);
            Assert.Equal(["step:0#1"], steps.Select(e => e.StepKey));
            Assert.Single(await app.EmailsAsync(caseId, "【督办】"));
        }
    }

    [Fact]
    public async Task AbsentHolder_TheDeputyGetsTheReminder()
    {
        await using var app = new LadderApp();
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateComplaintAsync())["id"]!;
        var taskId = (string)(await intake.TasksAsync(caseId))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await intake.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode);
        var admin = await app.ClientForAsync("admin");
        var absence = await admin.PutAsJsonAsync("/api/users/intake/absence", new
        {
            deputy = "chief",
            from = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(8)),
            until = new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(8)),
            reason = "年假",
        });
        Assert.Equal(HttpStatusCode.OK, absence.StatusCode);

        app.MoveTo(new DateTime(2026, 12, 14, 9, 0, 0));
        await app.SweepAsync();

        var warning = Assert.Single(await app.EscalationsAsync(caseId));
        Assert.Equal("chief", warning.Recipients);
        Assert.Equal("chief@caseflow.example", Assert.Single(await app.EmailsAsync(caseId, "【临期提醒】")).To);
    }

    [Fact]
    public async Task SuspendedDeadline_FiresNothing_AndAfterResumingWarnsForTheNewDueDate()
    {
        await using var app = new LadderApp();
        var caseId = (string)(await (await app.ClientForAsync("intake")).CreateComplaintAsync())["id"]!;
        var chief = await app.ClientForAsync("chief");
        var deadline = (await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}";
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"{path}/suspend", new { reason = "先行和解", kind = "Odr" })).StatusCode);

        app.MoveTo(new DateTime(2026, 12, 21, 9, 0, 0));
        Assert.Equal(0, await app.SweepAsync());
        Assert.Empty(await app.EscalationsAsync(caseId));

        // Suspended Mon 12-07, resumed Mon 12-21: ten working days stopped, so due Wed 12-30; 2 left from Mon 12-28.
        chief = await app.ClientForAsync("chief");
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"{path}/resume", new { reason = "和解未成" })).StatusCode);
        Assert.Equal(0, await app.SweepAsync());
        app.MoveTo(new DateTime(2026, 12, 28, 9, 0, 0));
        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal("warning:2wd@2026-12-30", Assert.Single(await app.EscalationsAsync(caseId)).StepKey);
    }

    private static async Task<List<JsonNode>> TasksAsync(HttpClient client, string query, string caseId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/tasks?{query}&caseId={caseId}");
        return page!["items"]!.AsArray().Select(n => n!).ToList();
    }

    private static async Task<List<JsonNode>> ItemsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri($"/api/supervision-items?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadObjectAsync();
        return page["items"]!.AsArray().Select(n => n!).ToList();
    }
}
