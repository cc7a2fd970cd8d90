using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Persistence;
using CaseFlow.Server.Scheduling;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The timers of the shipped processes with the clock under test control: the ODR enterprise's 10 working days (O121
/// Art. 12), and the police decision awaited under its statutory periods (Order 310 Art. 7, 8). A timer is delivered the way
/// Quartz delivers it, through <see cref="ITimerFiring"/>, once the clock has reached its due instant.
/// </summary>
public sealed class LibraryTimerTests(FakeClockCaseFlowApp app) : IClassFixture<FakeClockCaseFlowApp>
{
    private IBusinessCalendar Calendar => app.Services.GetRequiredService<IBusinessCalendar>();

    [Fact]
    public async Task Odr_UnansweredForTenWorkingDays_ComesBackToTheRegulator_WithTheAcceptanceClockFromThatDay()
    {
        var intake = await app.ClientForAsync("intake");
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Requests.Complaint()))!.AsObject();
        body["odr"] = true;
        body["subject"] = $"ODR 超期未处理（{Guid.NewGuid():N}）";
        var created = await intake.CreateAsync(body);
        var caseId = (string)created["id"]!;
        var instanceId = (string)(await intake.GetCaseAsync(caseId))["processInstanceId"]!;
        var received = Calendar.ToLocalDate(app.Clock.GetUtcNow());

        var timer = await TimerAsync(Guid.Parse(instanceId), "odrTimedOut");
        Assert.Equal(Calendar.AddWorkingDays(received, 10), Calendar.ToLocalDate(timer.DueAt!.Value));
        Assert.Empty((await intake.GetCaseAsync(caseId))["tasks"]!.AsArray());

        app.Clock.SetUtcNow(timer.DueAt.Value);
        await FireAsync(Guid.Parse(instanceId), timer.Id); // Quartz, on the same clock, may deliver it first
        Assert.False(await FireAsync(Guid.Parse(instanceId), timer.Id)); // a second delivery (another node, a retry) changes nothing

        app.ForgetTokens(); // two weeks on, the morning's tokens have expired
        intake = await app.ClientForAsync("intake");
        var back = await intake.GetCaseAsync(caseId);
        Assert.Equal("registered", (string)back["status"]!);
        Assert.NotNull(back["links"]!["regulatorReceivedAt"]);
        Assert.Single(back["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "decideAcceptance");
        var acceptance = back["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        var returnedOn = Calendar.ToLocalDate(app.Clock.GetUtcNow());
        Assert.Equal(Calendar.AddWorkingDays(returnedOn, 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)acceptance["dueDate"]!);
    }

    [Fact]
    public async Task PoliceDecision_IsAwaitedUnderItsStatutoryPeriods_NotAFixedAddressTimer_AndTheAnswerEndsThem()
    {
        var (caseId, number) = await HandedOverCaseAsync();
        var instanceId = await TransferInstanceAsync(caseId);

        // Reminders are the ladder's (rule set O310, to the directory's office-holders): no timer mails a fixed address.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            Assert.False(await db.Bookmarks.AnyAsync(b => b.InstanceId == instanceId && b.Kind == Workflows.Runtime.BookmarkKind.Timer));
        }

        var chief = await app.ClientForAsync("chief");
        var waiting = (await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray();
        Assert.Equal("running", (string)waiting.Single(d => (string?)d!["ruleCode"] == "o310.police-receipt")!["state"]!);
        var received = Calendar.ToLocalDate(app.Clock.GetUtcNow());
        Assert.Equal(received.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)waiting.Single(d => (string?)d!["ruleCode"] == "o310.police-decision")!["dueDate"]!);

        var decision = await chief.PostAsJsonAsync("/api/messages", new { name = "police-decision", correlationKey = number, variables = new { accepted = true, reason = "已立案侦查" } });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        var answered = (await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray();
        Assert.Equal("met", (string)answered.Single(d => (string?)d!["ruleCode"] == "o310.police-receipt")!["state"]!);
        Assert.Equal("met", (string)answered.Single(d => (string?)d!["ruleCode"] == "o310.police-decision")!["state"]!);
    }

    private async Task<(string CaseId, string Number)> HandedOverCaseAsync()
    {
        var legal = await app.ClientForAsync("legal");
        var draft = await ProcessesApiTests.PutDraftAsync(legal, "report", TestProcesses.EnforcementCallingTransfer());
        Assert.True((bool)draft["valid"]!, draft.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync("/api/processes/report/publish", null)).StatusCode);

        var intake = await app.ClientForAsync("intake");
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Requests.Complaint()))!.AsObject();
        body["kind"] = "report";
        var created = await intake.CreateAsync(body);
        var caseId = (string)created["id"]!;
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        foreach (var item in new[] { "transfer-letter", "investigation-report", "goods-list", "test-report" })
        {
            var uploaded = await handler.UploadAsync(caseId, TestFiles.Pdf(item), item + ".pdf", "application/pdf", kind: "letter", transferItem: item);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        }

        await chief.StepAsync(caseId, "approveTransfer", "approve");
        await handler.StepAsync(caseId, "handOver", "handover", new { policeAgency = "城关区公安分局", policeEmail = "police@example.org" });
        Assert.Equal("transferred", (string)(await chief.GetCaseAsync(caseId))["status"]!);
        return (caseId, (string)created["number"]!);
    }

    /// <summary>The police-transfer child instance of the case (the one waiting for the decision).</summary>
    private async Task<Guid> TransferInstanceAsync(string caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        return await db.Bookmarks.Where(b => b.ElementId == "policeDecided")
            .Join(db.Instances.Where(i => i.CaseId == Guid.Parse(caseId)), b => b.InstanceId, i => i.Id, (b, i) => i.Id)
            .SingleAsync();
    }

    private async Task<(Guid Id, DateTimeOffset? DueAt)> TimerAsync(Guid instanceId, string elementId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var bookmark = await db.Bookmarks.SingleAsync(b => b.InstanceId == instanceId && b.ElementId == elementId);
        return (bookmark.Id, bookmark.DueAt);
    }

    private async Task<bool> FireAsync(Guid instanceId, Guid bookmarkId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITimerFiring>().FireAsync(instanceId, bookmarkId, CancellationToken.None);
    }
}
