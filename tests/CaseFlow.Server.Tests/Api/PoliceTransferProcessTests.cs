using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseFlow.Server.Tests.Fixtures;

namespace CaseFlow.Server.Tests.Api;

/// <summary>
/// The built-in police-transfer process (Order 310) called from an enforcement-like parent: approval, hand-over with a
/// sealed package, the police decision as a message, reconsideration, and the way back to the penalty track.
/// </summary>
public sealed class PoliceTransferProcessTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private static readonly string[] FourItems = ["transfer-letter", "investigation-report", "goods-list", "test-report"];

    [Fact]
    public async Task Transfer_SealsTheDocuments_AndEndsAccepted_WhenThePoliceOpenACase()
    {
        var (caseId, number) = await FiledCaseAsync();
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        var uploaded = new Dictionary<string, string>();
        foreach (var item in FourItems.Append("other-material"))
        {
            var bytes = TestFiles.Pdf(item);
            var response = await handler.UploadAsync(caseId, bytes, item + ".pdf", "application/pdf", kind: "letter", transferItem: item);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            uploaded[(string)(await response.ReadObjectAsync())["id"]!] = TestFiles.Sha256(bytes);
        }

        await CompleteAsync(chief, caseId, "approveTransfer", "approve");
        await CompleteAsync(handler, caseId, "handOver", "handover", new { policeAgency = "城关区公安分局", policeEmail = "police@example.org" });

        var view = await chief.GetCaseAsync(caseId);
        Assert.Equal("transferred", (string)view["status"]!);
        Assert.Empty(await OpenTasksAsync(chief, caseId)); // nothing offers a penalty while the transfer is pending
        var package = Assert.Single(await handler.ListAsync(caseId), d => (string)d!["kind"]! == "transfer-package")!;
        var manifestBytes = await handler.GetByteArrayAsync($"/api/cases/{caseId}/documents/{package["id"]}/content");
        Assert.Equal((string)package["sha256"]!, TestFiles.Sha256(manifestBytes));
        var manifest = JsonNode.Parse(manifestBytes)!.AsObject();
        Assert.Equal(number, (string)manifest["caseNumber"]!);
        Assert.Equal(uploaded, manifest["items"]!.AsArray().ToDictionary(i => (string)i!["documentId"]!, i => (string)i!["sha256"]!));
        Assert.Contains("涉案物品清单", manifest["listZh"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "EmailQueued" && ((string)e["details"]!).StartsWith("涉嫌犯罪案件移送书", StringComparison.Ordinal));

        var message = await chief.PostAsJsonAsync("/api/messages", new { name = "police-decision", correlationKey = number, variables = new { accepted = true, reason = "已立案侦查" } });
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);

        // Art. 12: the goods and papers go to the police within 3 days of their opening a case.
        Assert.Equal("3d", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.goods-handover")!["rule"]!);
        await CompleteAsync(handler, caseId, "handOverGoods", "handed-over");

        var parent = await ParentAsync(chief, caseId);
        Assert.Equal("accepted", (string)parent["variables"]!["policeDecision"]!);
        Assert.Equal("completed", (string)parent["status"]!);
        Assert.Equal("closed", (string)(await chief.GetCaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Transfer_GoesBackToThePenaltyTrack_WhenThePoliceDecline_AndReconsiderationUpholdsIt()
    {
        var (caseId, number) = await FiledCaseAsync();
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        foreach (var item in FourItems)
        {
            Assert.Equal(HttpStatusCode.Created, (await handler.UploadAsync(caseId, TestFiles.Text(item + "：材料内容"), item + ".txt", "text/plain", kind: "letter", transferItem: item)).StatusCode);
        }

        await CompleteAsync(chief, caseId, "approveTransfer", "approve");
        await CompleteAsync(handler, caseId, "handOver", "handover", new { policeAgency = "城关区公安分局" });
        await chief.PostAsJsonAsync("/api/messages", new { name = "police-decision", correlationKey = number, variables = new { accepted = false, reason = "涉案金额未达立案追诉标准" } });

        var reconsider = Assert.Single(await OpenTasksAsync(chief, caseId))!;
        Assert.Equal("requestReconsideration", (string)reconsider["elementId"]!);
        Assert.Equal("o310.reconsideration-request", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string)d!["state"]! == "running")!["ruleCode"]!);
        Assert.Equal("transferred", (string)(await chief.GetCaseAsync(caseId))["status"]!);
        await CompleteAsync(handler, caseId, "requestReconsideration", "request", new { reconsiderationReason = "检验报告显示货值已达标准" });
        Assert.Equal("running", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string?)d!["ruleCode"] == "o310.police-reconsideration")!["state"]!);
        var answer = await chief.PostAsJsonAsync("/api/messages", new { name = "police-reconsideration", correlationKey = number, variables = new { accepted = false, reason = "维持不予立案决定" } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // Still disputed: the procuratorate's supervision may be asked within 3 days (Art. 9(2)); the office lets it rest.
        Assert.Equal("o310.procuratorate-request", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray(), d => (string)d!["state"]! == "running")!["ruleCode"]!);
        await CompleteAsync(handler, caseId, "requestSupervision", "accept-refusal");

        var parent = await ParentAsync(chief, caseId);
        Assert.Equal("declined-upheld", (string)parent["variables"]!["policeDecision"]!);
        Assert.Equal("filed", (string)(await chief.GetCaseAsync(caseId))["status"]!);
        Assert.Equal("penaltyDecision", (string)Assert.Single(await OpenTasksAsync(chief, caseId))!["elementId"]!);
    }

    [Fact]
    public async Task HandOver_IsRefusedWithTheMissingItems_UntilEveryRequiredDocumentIsThere()
    {
        var (caseId, _) = await FiledCaseAsync();
        var handler = await app.ClientForAsync("handler1");
        var chief = await app.ClientForAsync("chief");
        await handler.UploadAsync(caseId, TestFiles.Pdf("letter"), "移送书.pdf", "application/pdf", kind: "letter", transferItem: "transfer-letter");
        await handler.UploadAsync(caseId, TestFiles.Pdf("report"), "调查报告.pdf", "application/pdf", kind: "letter", transferItem: "investigation-report");
        await CompleteAsync(chief, caseId, "approveTransfer", "approve");
        var task = await TaskAsync(handler, caseId, "handOver");

        var refused = await handler.CompleteAsync((string)task["id"]!, "handover", new { policeAgency = "城关区公安分局" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (string)(await refused.ReadObjectAsync())["detail"]!;
        Assert.Contains("涉案物品清单", detail, StringComparison.Ordinal);
        Assert.Contains("goods-list", detail, StringComparison.Ordinal);
        Assert.Contains("test-report", detail, StringComparison.Ordinal);
        Assert.Equal("filed", (string)(await chief.GetCaseAsync(caseId))["status"]!);
        Assert.Equal(2, (await handler.ListAsync(caseId)).Count);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(app.DataDirectory, "documents", caseId)).Length);

        await handler.UploadAsync(caseId, TestFiles.Pdf("goods"), "涉案物品清单.pdf", "application/pdf", kind: "evidence", transferItem: "goods-list");
        await handler.UploadAsync(caseId, TestFiles.Pdf("test"), "检验报告.pdf", "application/pdf", kind: "evidence", transferItem: "test-report");
        Assert.Equal(HttpStatusCode.OK, (await handler.CompleteAsync((string)task["id"]!, "handover", new { policeAgency = "城关区公安分局" })).StatusCode);
        Assert.Equal("transferred", (string)(await chief.GetCaseAsync(caseId))["status"]!);
    }

    [Fact]
    public async Task Refusal_ByTheChief_RecordsTheReason_AndLeavesTheCaseOnThePenaltyTrack()
    {
        var (caseId, _) = await FiledCaseAsync();
        var chief = await app.ClientForAsync("chief");
        var approval = await TaskAsync(chief, caseId, "approveTransfer");
        Assert.Equal("o310.approval", (string)Assert.Single((await chief.GetCaseAsync(caseId))["deadlines"]!.AsArray())!["ruleCode"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await chief.CompleteAsync((string)approval["id"]!, "refuse")).StatusCode);
        await CompleteAsync(chief, caseId, "approveTransfer", "refuse", new { refusalReason = "证据不足以认定涉嫌犯罪" });

        Assert.Equal("not-approved", (string)(await ParentAsync(chief, caseId))["variables"]!["policeDecision"]!);
        var view = await chief.GetCaseAsync(caseId);
        Assert.Equal("filed", (string)view["status"]!);
        Assert.Contains(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "TransferNotApproved" && ((string)e["details"]!).Contains("证据不足", StringComparison.Ordinal));
        Assert.DoesNotContain(view["timeline"]!.AsArray(), e => (string)e!["event"]! == "PoliceDecisionRecorded");
    }

    /// <summary>A report case whose process (the test parent) has filed it and now waits in the transfer's approval.</summary>
    private async Task<(string CaseId, string Number)> FiledCaseAsync()
    {
        var legal = await app.ClientForAsync("legal");
        var report = (await legal.GetFromJsonAsync<JsonArray>("/api/processes"))!.Single(p => (string)p!["key"]! == "report")!;
        if ((int)report["publishedVersion"]! == 1) // the built-in report process; replace it once per fixture
        {
            var draft = await ProcessesApiTests.PutDraftAsync(legal, "report", TestProcesses.EnforcementCallingTransfer());
            Assert.True((bool)draft["valid"]!, draft.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, (await legal.PostAsync("/api/processes/report/publish", null)).StatusCode);
        }

        var intake = await app.ClientForAsync("intake");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Requests.Complaint()))!.AsObject();
        body["kind"] = "report";
        var created = await intake.PostAsJsonAsync("/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.ReadObjectAsync();
        Assert.Equal("filed", (string)(await intake.GetCaseAsync((string)json["id"]!))["status"]!);
        return ((string)json["id"]!, (string)json["number"]!);
    }

    private static async Task<JsonArray> OpenTasksAsync(HttpClient supervisor, string caseId) =>
        (await supervisor.GetFromJsonAsync<JsonObject>($"/api/tasks?scope=all&caseId={caseId}"))!["items"]!.AsArray();

    private static async Task<JsonObject> TaskAsync(HttpClient client, string caseId, string elementId) =>
        (await client.TasksAsync(caseId)).Single(t => (string)t!["elementId"]! == elementId)!.AsObject();

    private static async Task CompleteAsync(HttpClient client, string caseId, string elementId, string outcome, object? variables = null)
    {
        var task = await TaskAsync(client, caseId, elementId);
        var response = await client.CompleteAsync((string)task["id"]!, outcome, variables);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonObject> ParentAsync(HttpClient client, string caseId)
    {
        var instanceId = (string)(await client.GetCaseAsync(caseId))["processInstanceId"]!;
        return (await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!;
    }
}
