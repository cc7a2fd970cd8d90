using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CaseFlow.Server.Tests.Fixtures;
using CaseFlow.Workflows.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The report's verification clock with the clock under test control: new facts restart it (Art. 35(2)), the head extends it once.</summary>
public sealed class ReportClockTests(FakeClockCaseFlowApp app) : IClassFixture<FakeClockCaseFlowApp>
{
    private IBusinessCalendar Calendar => app.Services.GetRequiredService<IBusinessCalendar>();

    [Fact]
    public async Task NewFacts_RestartTheVerificationPeriodFromTheLastReport_ThenTheHeadExtendsItOnce()
    {
        var intake = await app.ClientForAsync("intake");
        var chief = await app.ClientForAsync("chief");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: $"销售无 3C 标志电热水壶（{Guid.NewGuid():N}）。")))["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        var received = Calendar.ToLocalDate(app.Clock.GetUtcNow());
        Assert.Equal(Calendar.AddWorkingDays(received, 15), await DueDateAsync(intake, caseId));

        app.Clock.Advance(TimeSpan.FromDays(5));
        var merged = await intake.PostAsJsonAsync($"/api/cases/{caseId}/facts", new { facts = "该商行仓库另存无标志电热水壶 30 台。" });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var restartedFrom = Calendar.ToLocalDate(app.Clock.GetUtcNow());
        Assert.Equal(Calendar.AddWorkingDays(restartedFrom, 15), await DueDateAsync(intake, caseId));
        var view = await intake.GetCaseAsync(caseId);
        Assert.Contains("补充事实", (string)view["description"]!, StringComparison.Ordinal);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "DeadlineRestarted");

        var deadlineId = (string)view["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "report.verification")!["id"]!;
        var extend = new { reason = "需现场检验", approvedBy = "局长 孙伟", approval = "OfficeHead" };
        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadlineId}/extend", extend)).StatusCode);
        Assert.Equal(Calendar.AddWorkingDays(restartedFrom, 30), await DueDateAsync(intake, caseId));
        Assert.Equal(HttpStatusCode.Conflict, (await chief.PostAsJsonAsync($"/api/cases/{caseId}/deadlines/{deadlineId}/extend", extend)).StatusCode);
    }

    private static async Task<DateOnly> DueDateAsync(HttpClient client, string caseId)
    {
        var deadline = (await client.GetCaseAsync(caseId))["deadlines"]!.AsArray().Single(d => (string?)d!["ruleCode"] == "report.verification")!;
        return DateOnly.ParseExact((string)deadline["dueDate"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
