using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The report process (O121 Art. 35, PPR Art. 18-20) through the API: the office reports, a head of the bureau decides
/// 立案 or 不予立案 (a handler cannot), duplicates are proposed to a person, the verification period runs from receipt.
/// </summary>
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
    };

    [Fact]
    public async Task Report_Registered_ShowsItsVerificationPeriodFromReceipt_AndTheFirstTaskIsDueThen()
    {
        var intake = await app.ClientForAsync("intake");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: Facts())))["id"]!;

        var view = await intake.GetCaseAsync(caseId);
        var deadline = Assert.Single(view["deadlines"]!.AsArray())!;
        Assert.Equal("report.verification", (string)deadline["ruleCode"]!);
        Assert.Equal("running", (string)deadline["state"]!);
        var forward = Assert.Single(view["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "forwardReport")!;
        Assert.Equal((string)deadline["dueAt"]!, (string)forward["dueAt"]!);

        // One period through forwarding and verification: the verification task carries the same deadline on.
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        var verifying = await intake.GetCaseAsync(caseId);
        var carried = Assert.Single(verifying["deadlines"]!.AsArray())!;
        Assert.Equal((string)deadline["id"]!, (string)carried["id"]!);
        Assert.Equal("running", (string)carried["state"]!);
        Assert.Equal((string)deadline["dueAt"]!, (string)Assert.Single(verifying["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "verifyReport")!["dueAt"]!);
    }

    [Fact]
    public async Task Report_Filed_OnlyByAHeadOfTheBureau_ThenContinuesIntoTheEnforcementCase()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: Facts())))["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });
        Assert.Equal("verifying", (string)(await intake.GetCaseAsync(caseId))["status"]!);

        var incomplete = await handler.CompleteAsync(await handler.TaskAtAsync(caseId, "verifyReport"), "file", new { party = "城关家电商行", caseSource = "rumour" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.ReadObjectAsync())["errors"]!.AsObject();
        foreach (var field in new[] { "caseSource", "factsSummary", "legalBasis", "proposedHandler1", "proposedHandler2" })
        {
            Assert.True(errors.ContainsKey($"variables.{field}"), field);
        }

        await handler.StepAsync(caseId, "verifyReport", "file", FilingForm());
        Assert.Equal("verifying", (string)(await intake.GetCaseAsync(caseId))["status"]!);

        // 立案 is the head's (PPR Art. 18-19): the handler can neither claim nor complete it, whatever name it types.
        var approval = await chief.TaskAtAsync(caseId, "approveFiling");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/tasks/{approval}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.CompleteAsync(approval, "approve", new { decidedByName = "局长 赵刚" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync("admin")).CompleteAsync(approval, "approve")).StatusCode);
        Assert.DoesNotContain(await handler.TasksAsync(caseId), t => (string)t!["elementId"]! == "approveFiling");
        var assignToHandler = await chief.PostAsJsonAsync($"/api/tasks/{approval}/assign", new { userName = "handler1" });
        Assert.Equal(HttpStatusCode.BadRequest, assignToHandler.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await chief.PostAsync($"/api/tasks/{approval}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chief.CompleteAsync(approval, "approve")).StatusCode);

        var filed = await intake.GetCaseAsync(caseId);
        Assert.Equal("filed", (string)filed["status"]!);
        Assert.NotNull(filed["filedAt"]);
        Assert.Contains(filed["timeline"]!.AsArray(), e => (string)e!["event"]! == "StatusChanged" && ((string)e["details"]!).Contains("局负责人 局长 赵刚 批准立案", StringComparison.Ordinal));
        Assert.Equal("met", (string)Assert.Single(filed["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "report.verification")!["state"]!);
        Assert.Single(filed["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "investigate");
        var parentId = (string)filed["processInstanceId"]!;
        var child = Assert.Single((await intake.GetFromJsonAsync<JsonObject>($"/api/instances?parentInstanceId={parentId}"))!["items"]!.AsArray())!;
        Assert.Equal("enforcement", (string)child["processKey"]!);
        Assert.Equal(caseId, (string)child["caseId"]!);
        Assert.Contains("enforcementCase", (await intake.GetFromJsonAsync<JsonObject>($"/api/instances/{parentId}"))!["activeElementIds"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task Report_NotFiled_ApprovedByADeputyHead_RecordsGroundReasonAndTheHeadFromTheDirectory()
    {
        var intake = await app.ClientForAsync("intake");
        var handler = await app.ClientForAsync("handler1");
        var deputy = await app.ClientForAsync("deputy1");
        var caseId = (string)(await intake.CreateAsync(CaseSteps.Report(description: Facts())))["id"]!;
        await intake.StepAsync(caseId, "forwardReport", "forward", new { officeId = "office-1" });

        await handler.StepAsync(caseId, "verifyReport", "not-file", new { notFiledGround = "minor-corrected", notFiledReason = "当场下架并未造成危害后果" });
        Assert.Equal(HttpStatusCode.BadRequest, (await deputy.CompleteAsync(await deputy.TaskAtAsync(caseId, "approveNotFiling"), "return")).StatusCode);
        await deputy.StepAsync(caseId, "approveNotFiling", "return", new { headOpinion = "请核实是否系首次违法" });
        await handler.StepAsync(caseId, "verifyReport", "not-file", new { notFiledGround = "first-minor", notFiledReason = "首次违法且危害后果轻微，已及时改正" });
        await deputy.StepAsync(caseId, "approveNotFiling", "approve");

        var view = await intake.GetCaseAsync(caseId);
        Assert.Equal("notFiled", (string)view["status"]!);
        Assert.NotNull(view["closedAt"]);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "ReturnedByHead" && ((string)e["details"]!).Contains("副局长 钱明", StringComparison.Ordinal));
        Assert.Contains(view["timeline"]!.AsArray(), e => ((string?)e!["details"] ?? "").Contains("首次违法且危害后果轻微", StringComparison.Ordinal) && ((string)e!["details"]!).Contains("副局长 钱明", StringComparison.Ordinal));
        Assert.Equal("met", (string)Assert.Single(view["deadlines"]!.AsArray())!["state"]!);
    }

    [Fact]
    public async Task Report_Duplicate_IsProposedToAPerson_AndClosedOnlyWhenTheyMergeIt()
    {
        var intake = await app.ClientForAsync("intake");
        var facts = Facts();
        var first = await intake.CreateAsync(CaseSteps.Report(phone: "13911112222", description: facts));
        var again = await intake.CreateAsync(CaseSteps.Report(phone: "13911112222", description: facts));
        var otherReporter = await intake.CreateAsync(CaseSteps.Report(phone: "13933334444", description: facts));

        // Nothing is closed by the text match: the proposal waits for intake, who sees the first report.
        Assert.Equal("registered", (string)again["status"]!);
        var proposed = await intake.GetCaseAsync((string)again["id"]!);
        Assert.Equal((string)first["id"]!, (string)proposed["links"]!["duplicateOfCaseId"]!);
        var review = Assert.Single(proposed["tasks"]!.AsArray())!;
        Assert.Equal("reviewDuplicate", (string)review["elementId"]!);
        Assert.Equal(["merge", "link", "reject"], review["outcomes"]!.AsArray().Select(o => (string)o!));
        Assert.NotNull(review["dueAt"]);
        Assert.Contains(proposed["timeline"]!.AsArray(), e => (string)e!["event"]! == "DuplicateProposed" && ((string)e["details"]!).Contains((string)first["number"]!, StringComparison.Ordinal));
        Assert.Equal("registered", (string)otherReporter["status"]!);
        Assert.Single((await intake.GetCaseAsync((string)otherReporter["id"]!))["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "forwardReport");

        await intake.StepAsync((string)again["id"]!, "reviewDuplicate", "merge", new { duplicateNote = "与首次举报内容一致" });

        var merged = await intake.GetCaseAsync((string)again["id"]!);
        Assert.Equal("closed", (string)merged["status"]!);
        Assert.Empty(merged["tasks"]!.AsArray());
        Assert.Equal((string)first["id"]!, (string)merged["links"]!["duplicateOfCaseId"]!);
        Assert.Contains(merged["timeline"]!.AsArray(), e => (string)e!["event"]! == "TaskCompleted" && (string)e["actor"]! == "intake");
        var firstView = await intake.GetCaseAsync((string)first["id"]!);
        Assert.Contains(firstView["links"]!["linkedCases"]!.AsArray(), c => (string)c!["id"]! == (string)again["id"]!);
        Assert.Contains(firstView["timeline"]!.AsArray(), e => (string)e!["event"]! == "DuplicateDecided");
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("link")]
    public async Task Report_DuplicateProposal_RejectedOrLinked_IsHandledAsAReport(string outcome)
    {
        var intake = await app.ClientForAsync("intake");
        var facts = Facts();
        var first = await intake.CreateAsync(CaseSteps.Report(phone: "13977778888", description: facts));
        var again = await intake.CreateAsync(CaseSteps.Report(phone: "13977778888", description: facts));

        await intake.StepAsync((string)again["id"]!, "reviewDuplicate", outcome);

        var view = await intake.GetCaseAsync((string)again["id"]!);
        Assert.Equal("registered", (string)view["status"]!);
        Assert.Single(view["tasks"]!.AsArray(), t => (string)t!["elementId"]! == "forwardReport");
        Assert.Null(view["links"]!["duplicateOfCaseId"]);
        Assert.Equal(outcome == "link" ? (string)first["id"]! : null, (string?)view["links"]!["parentCaseId"]);
        Assert.Equal("running", (string)Assert.Single(view["deadlines"]!.AsArray())!["state"]!);
    }

    [Fact]
    public async Task Facts_OnAClosedOrUnknownCase_AreRefused()
    {
        var intake = await app.ClientForAsync("intake");
        var facts = Facts();
        await intake.CreateAsync(CaseSteps.Report(phone: "13955556666", description: facts));
        var duplicate = await intake.CreateAsync(CaseSteps.Report(phone: "13955556666", description: facts));
        await intake.StepAsync((string)duplicate["id"]!, "reviewDuplicate", "merge");

        Assert.Equal(HttpStatusCode.Conflict, (await intake.PostAsJsonAsync($"/api/cases/{duplicate["id"]}/facts", new { facts = "又发现一批" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intake.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/facts", new { facts = "又发现一批" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostAsJsonAsync($"/api/cases/{duplicate["id"]}/facts", new { facts = "" })).StatusCode);
    }
}
