using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;

namespace CaseFlow.Server.Tests.Api;

/// <summary>Deadlines created from rule codes: the rule in force at receipt, counted from receipt where the rule says so.</summary>
public sealed class StatutoryDeadlineTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static readonly BusinessCalendar Calendar = new();

    [Theory]
    [InlineData("2026-04-10T09:00:00+08:00", "45wd", "《市场监督管理投诉举报处理暂行办法》第二十一条")] // before O121: O20
    [InlineData("2026-04-20T09:00:00+08:00", "60d", "《市场监督管理投诉举报处理办法》第二十三条")]     // O121
    public async Task Mediation_UsesTheRuleSetInForceWhenReceived(string receivedAt, string rule, string legalBasis)
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = await CreateAsync(intake, DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture));

        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId = "office-1" });

        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var mediation = (await intake.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.mediation")!;
        Assert.Equal(rule, (string)mediation["rule"]!);
        Assert.StartsWith(legalBasis, (string)mediation["legalBasis"]!, StringComparison.Ordinal);
        Assert.Equal("running", (string)mediation["state"]!);
    }

    [Fact]
    public async Task LetterReceivedFiveWorkingDaysAgo_HasTwoWorkingDaysLeftOnAcceptance()
    {
        var intake = await app.ClientForAsync("intake");
        var today = Calendar.ToLocalDate(TimeProvider.System.GetUtcNow());
        var received = today;
        for (var counted = 0; counted < 5; received = received.AddDays(-1))
        {
            counted += Calendar.IsWorkingDay(received) ? 1 : 0;
        }

        // Received at noon on that day in Shanghai: five working days have passed since.
        var caseId = await CreateAsync(intake, new DateTimeOffset(received.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));

        var view = await intake.GetCaseAsync(caseId);
        var acceptance = view["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        Assert.Equal(2, (int)acceptance["workingDaysLeft"]!);
        Assert.Equal("7wd", (string)acceptance["rule"]!);
        Assert.Equal("《市场监督管理投诉举报处理办法》第十五条", (string)acceptance["legalBasis"]!);
        Assert.Empty(acceptance["extensions"]!.AsArray());
        Assert.Empty(acceptance["suspensions"]!.AsArray());
        var task = Assert.Single(view["tasks"]!.AsArray())!;
        Assert.Equal((string)acceptance["dueAt"]!, (string)task["dueAt"]!);
        Assert.Equal(2, (int)task["workingDaysLeft"]!);
    }

    [Fact]
    public async Task Acceptance_CannotBeExtended_OnlyOdrSuspendsIt_AndEndingTheTaskWhileSuspendedIsMet()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = await CreateAsync(intake, null);
        var deadline = (await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        var path = $"/api/cases/{caseId}/deadlines/{deadline["id"]}";

        var extend = await chief.PostAsJsonAsync($"{path}/extend", new { reason = "案情复杂", approvedBy = "局长", approval = "OfficeHead" });
        var testing = await chief.PostAsJsonAsync($"{path}/suspend", new { reason = "送检", kind = "Testing" });
        var intakeSuspends = await intake.PostAsJsonAsync($"{path}/suspend", new { reason = "先行和解", kind = "Odr" });
        var odr = await chief.PostAsJsonAsync($"{path}/suspend", new { reason = "先行和解", kind = "Odr" });

        Assert.Equal(HttpStatusCode.Conflict, extend.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, testing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, intakeSuspends.StatusCode);
        Assert.Equal(HttpStatusCode.OK, odr.StatusCode);

        // The task ending while its clock is stopped is on time.
        var accept = await intake.CompleteAsync((string)(await intake.TasksAsync(caseId))[0]!["id"]!, "accept", new { officeId = "office-1" });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var ended = (await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "complaint.acceptance")!;
        Assert.Equal("met", (string)ended["state"]!);
    }

    private static async Task<string> CreateAsync(HttpClient client, DateTimeOffset? receivedAt)
    {
        var body = JsonSerializer.SerializeToNode(Requests.Complaint())!.AsObject();
        body["receivedAt"] = receivedAt?.ToString("O", CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }
}
