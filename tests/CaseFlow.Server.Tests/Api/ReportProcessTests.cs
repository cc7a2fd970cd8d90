using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>The report process (O121 Art. 35, PPR Art. 18-20) through the API: 立案 into enforcement, 不予立案, duplicates.</summary>
public sealed class ReportProcessTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static string Facts() => $"店内销售无强制性认证标志的电热水壶（{Guid.NewGuid():N}）。";

    private static object FilingForm() => new
    {
        caseSource = "report",
        party = "城关家电商行",
        factsSummary = "现场查见无 3C 标志电热水壶 12 台",
        legalBasis = "《强制性产品认证管理规定》第二条",
        proposedHandler1 = "李强",
        proposedHandler2 = "王芳",
        headApproval = "局长 孙伟",
    };

    [Fact]
    public async Task Report_Filed_WithTheApprovalForm_ContinuesIntoTheEnforcementCase()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: Facts())))["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        Assert.Equal("verifying", (string)(await intake.GetCaseAsync(caseId))["status"]!);

        var incomplete = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "verifyReport"), "file", new { party = "城关家电商行", caseSource = "rumour" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.ReadObjectAsync())["errors"]!.AsObject();
        foreach (var field in new[] { "caseSource", "factsSummary", "legalBasis", "proposedHandler1", "proposedHandler2", "headApproval" })
        {
            Assert.True(errors.ContainsKey($"variables.{field}"), field);
        }

        await handler.StepAsync(caseId, "verifyReport", "file", FilingForm());

        var filed = await intake.GetCaseAsync(caseId);
        Assert.Equal("filed", (string)filed["status"]!);
        Assert.NotNull(filed["filedAt"]);
        Assert.Single(filed["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "chooseProcedure");
        var parentId = (string)filed["processInstanceId"]!;
        var child = Assert.Single((await intake.GetFromJsonAsync<JsonObject>($"/api/instances?parentInstanceId={parentId}"))!["items"]!.AsArray())!;
        Assert.Equal("enforcement", (string)child["processKey"]!);
        Assert.Equal(caseId, (string)child["caseId"]!);
        Assert.Contains("enforcementCase", (await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{parentId}"))!["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task Report_NotFiled_RecordsGroundReasonAndHead()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: Facts())))["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });

        await handler.StepAsync(caseId, "verifyReport", "not-file", new { notFiledGround = "minor-corrected", notFiledReason = "当场下架并未造成危害后果", headApproval = "局长 孙伟" });

        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal("notFiled", (string)view["status"]!);
        Assert.NotNull(view["closedAt"]);
        Assert.Contains(view["timeline"]!.AsArray(), e => ((string?)e!["details"] ?? "").Contains("当场下架并未造成危害后果", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_Duplicate_IsRecordedAndClosedWithAReferenceToTheFirst()
    {
        var intake = await app.ClientForAsync("intake");
        var facts = Facts();
        var first = await intake.CreateAsync(CaseSteps.Report(phone: "13911112222", description: facts));
        var again = await intake.CreateAsync(CaseSteps.Report(phone: "13911112222", description: facts));
        var otherReporter = await intake.CreateAsync(CaseSteps.Report(phone: "13933334444", description: facts));

        Assert.Equal("closed", (string)again["status"]!);
        var duplicate = await intake.GetCaseAsync((string)again["id"]!);
        Assert.Equal((string)first["id"]!, (string)duplicate["links"]!["duplicateOfCaseId"]!);
        Assert.Empty(duplicate["tasks"]!.AsArray());
        Assert.Contains(duplicate["timeline"]!.AsArray(), e => ((string?)e!["details"] ?? "").Contains((string)first["number"]!, StringComparison.Ordinal));
        Assert.Equal("registered", (string)otherReporter["status"]!);
        Assert.Contains((await intake.GetCaseAsync((string)first["id"]!))["links"]!["linkedCases"]!.AsArray(), c => (string)c!["id"]! == (string)again["id"]!);
    }

    [Fact]
    public async Task Facts_OnAClosedOrUnknownCase_AreRefused()
    {
        var intake = await app.ClientForAsync("intake");
        var facts = Facts();
        await intake.CreateAsync(CaseSteps.Report(phone: "13955556666", description: facts));
        var duplicate = await intake.CreateAsync(CaseSteps.Report(phone: "13955556666", description: facts));

        Assert.Equal(HttpStatusCode.Conflict, (await intake.PostAsJsonAsync($"/api/cases/{duplicate["id"]}/facts", new { facts = "又发现一批" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/facts", new { facts = "又发现一批" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostAsJsonAsync($"/api/cases/{duplicate["id"]}/facts", new { facts = "" })).StatusCode);
    }
}
